#!/usr/bin/python3
"""Writes the h5py-made Keras fixture of the dev.xaicam.keras tests.

Most Keras fixtures are written by the tests themselves with jHDF (KerasFixtures). This one is
written by libhdf5 through h5py, the way tf.keras 2.x's hdf5_format.save_model_to_hdf5 writes a
full model, so the reader is also tested on what the real HDF5 library produces:

- a 512-byte user block before the superblock;
- byte-string root attributes (model_config, keras_version, backend: str(...).encode('utf8'));
- layer_names split into layer_names0, layer_names1 (Keras splits past 64,512 bytes; the limit is
  lowered here so a small model splits too), as save_attributes_to_hdf5_group does;
- weightless layers with weight_names = [] (h5py stores an empty float64 array);
- datasets created at their weight names (conv/kernel:0 makes the group conv).

The model is a small tf.keras 2.x Functional residual block, Keras 2's inbound_nodes form:
input_1 (None, 4, 4, 2) -> conv (Conv2D 2x2, same, 2 filters) -> bn (BatchNormalization)
-> add([input_1, bn]) -> relu (Activation) -> gap (GlobalAveragePooling2D) -> predictions (Dense 3,
softmax). Values: each weight is arange(n) * 0.5 + offset, offsets listed in OFFSETS, so a test can
check every element's place.

Needs Debian's python3-h5py (apt-get install python3-h5py); run from the repository root:
    /usr/bin/python3 dev/make-keras-fixtures.py
"""
import json

import h5py
import numpy as np

OUT = "src/test/resources/dev/xaicam/keras/keras2_functional_h5py.hdf5"
CHUNK_LIMIT = 40  # bytes per layer_names chunk; Keras uses 64512

OFFSETS = {"conv/kernel:0": 1.0, "conv/bias:0": 2.0, "bn/gamma:0": 3.0, "bn/beta:0": 4.0,
           "bn/moving_mean:0": 5.0, "bn/moving_variance:0": 6.0,
           "predictions/kernel:0": 7.0, "predictions/bias:0": 8.0}
SHAPES = {"conv/kernel:0": (2, 2, 2, 2), "conv/bias:0": (2,), "bn/gamma:0": (2,),
          "bn/beta:0": (2,), "bn/moving_mean:0": (2,), "bn/moving_variance:0": (2,),
          "predictions/kernel:0": (2, 3), "predictions/bias:0": (3,)}


def layer(class_name, name, config, inbound):
    config = dict(name=name, trainable=True, dtype="float32", **config)
    return {"class_name": class_name, "config": config, "name": name,
            "inbound_nodes": [[[n, 0, 0, {}] for n in inbound]] if inbound else []}


def model_config():
    layers = [
        {"class_name": "InputLayer", "name": "input_1", "inbound_nodes": [],
         "config": {"batch_input_shape": [None, 4, 4, 2], "dtype": "float32", "sparse": False,
                    "ragged": False, "name": "input_1"}},
        layer("Conv2D", "conv", {"filters": 2, "kernel_size": [2, 2], "strides": [1, 1],
                                 "padding": "same", "data_format": "channels_last",
                                 "dilation_rate": [1, 1], "groups": 1, "activation": "linear",
                                 "use_bias": True}, ["input_1"]),
        layer("BatchNormalization", "bn", {"axis": [3], "momentum": 0.99, "epsilon": 0.001,
                                           "center": True, "scale": True}, ["conv"]),
        layer("Add", "add", {}, ["input_1", "bn"]),
        layer("Activation", "relu", {"activation": "relu"}, ["add"]),
        layer("GlobalAveragePooling2D", "gap", {"data_format": "channels_last",
                                                "keepdims": False}, ["relu"]),
        layer("Dense", "predictions", {"units": 3, "activation": "softmax", "use_bias": True},
              ["gap"]),
    ]
    return {"class_name": "Functional",
            "config": {"name": "residual", "layers": layers,
                       "input_layers": [["input_1", 0, 0]],
                       "output_layers": [["predictions", 0, 0]]}}


def save_attributes(group, name, data, limit):
    """Keras's save_attributes_to_hdf5_group, with the chunk limit as a parameter."""
    data_npy = np.asarray(data)
    num_chunks = 1
    chunked = np.array_split(data_npy, num_chunks)
    while any(x.nbytes > limit for x in chunked):
        num_chunks += 1
        chunked = np.array_split(data_npy, num_chunks)
    if num_chunks > 1:
        for chunk_id, chunk in enumerate(chunked):
            group.attrs["%s%d" % (name, chunk_id)] = chunk
    else:
        group.attrs[name] = data


def main():
    config = model_config()
    with h5py.File(OUT, "w", userblock_size=512) as f:
        f.attrs["keras_version"] = "2.9.0".encode("utf8")
        f.attrs["backend"] = "tensorflow".encode("utf8")
        f.attrs["model_config"] = json.dumps(config).encode("utf8")
        weights = f.create_group("model_weights")
        names = [entry["name"] for entry in config["config"]["layers"]]
        save_attributes(weights, "layer_names", [n.encode("utf8") for n in names], CHUNK_LIMIT)
        weights.attrs["backend"] = "tensorflow".encode("utf8")
        weights.attrs["keras_version"] = "2.9.0".encode("utf8")
        for name in names:
            group = weights.create_group(name)
            weight_names = [w for w in OFFSETS if w.startswith(name + "/")]
            save_attributes(group, "weight_names", [w.encode("utf8") for w in weight_names], 64512)
            for w in weight_names:
                shape = SHAPES[w]
                value = (np.arange(np.prod(shape)) * 0.5 + OFFSETS[w]).astype("float32")
                dataset = group.create_dataset(w, shape, dtype="float32")
                dataset[:] = value.reshape(shape)


if __name__ == "__main__":
    main()
