#!/usr/bin/python3
"""tf-keras-vis's CAM tails transcribed line by line with NumPy (float64) and SciPy, for checking
lib/cammath.mjs: given the A.npy and grads.npy that cam.mjs wrote and the score it printed, writes
<method>.ref.npy next to them.  /usr/bin/python3 tkv_reference.py OUTDIR SCORE
(Needs python3-numpy, python3-scipy.)"""
import sys
import numpy as np
from scipy.ndimage import zoom

out, score = sys.argv[1], float(sys.argv[2])
A = np.load(f'{out}/A.npy').astype(np.float64)[None]       # (1, h, w, C)
g = np.load(f'{out}/grads.npy').astype(np.float64)[None]
H, W = np.load(f'{out}/input.npy').shape[:2]
relu = lambda x: np.maximum(x, 0)


def normalize(array):  # tf_keras_vis.utils.normalize, epsilon = keras.backend.epsilon()
    max_value = np.max(array, axis=tuple(range(array.ndim)[1:]), keepdims=True)
    min_value = np.min(array, axis=tuple(range(array.ndim)[1:]), keepdims=True)
    return (array - min_value) / (max_value - min_value + 1e-7)


def expand(cam):  # zoom(cam, zoom_factor(cam.shape, X.shape), order=1) then normalize
    factor = tuple(float(t) / float(f) for f, t in zip(cam.shape, (1, H, W)))
    return normalize(zoom(cam, factor, order=1))[0]


# gradcam.py _calculate_cam
weights = np.mean(g, axis=(1, 2), keepdims=True)
np.save(f'{out}/gradcam.ref.npy', expand(relu(np.sum(A * weights, axis=-1))))
# layercam.py _calculate_cam (gradient_modifier = relu)
np.save(f'{out}/layercam.ref.npy', expand(relu(np.sum(A * relu(g), axis=-1))))
# gradcam_plus_plus.py
score_values = np.exp(score)
first_derivative = score_values * g
second_derivative = first_derivative * g
third_derivative = second_derivative * g
global_sum = np.sum(A, axis=(1, 2), keepdims=True)
alpha_denom = second_derivative * 2.0 + third_derivative * global_sum
alpha_denom = alpha_denom + (second_derivative == 0.0).astype(np.float64)
alphas = second_derivative / alpha_denom
alpha_normalization_constant = np.sum(alphas, axis=(1, 2), keepdims=True)
alpha_normalization_constant = alpha_normalization_constant + (alpha_normalization_constant == 0.0).astype(np.float64)
alphas = alphas / alpha_normalization_constant
weights = relu(first_derivative)
deep_linearization_weights = np.sum(weights * alphas, axis=(1, 2), keepdims=True)
cam = relu(np.sum(deep_linearization_weights * A, axis=-1))
np.save(f'{out}/gradcampp.ref.npy', expand(cam))
print('wrote', ', '.join(f'{out}/{m}.ref.npy' for m in ('gradcam', 'gradcampp', 'layercam')))
