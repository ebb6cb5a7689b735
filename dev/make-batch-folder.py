#!/usr/bin/python3
"""Dev-time: builds a folder of 200 images for trying batch runs as a user would.

190 good copies and variants of the sample photos (resized, rotated, grey, other formats, nested
folders, duplicate names) and 10 broken files, each broken in a different way.
  dev/make-batch-folder.py OUT_DIR
"""
import os, sys, struct, zlib, random
import cv2, numpy as np

out = sys.argv[1]
random.seed(7)
srcs = [cv2.imread(p) for p in ("samples/cat_chelsea.png", "samples/coffee.png", "samples/rocket.jpg", "samples/astronaut.png")]
exts = [".jpg", ".png", ".bmp", ".tiff", ".webp"]
good = 0
while good < 190:
    img = srcs[good % 4]
    v = good % 7
    if v == 1: img = cv2.resize(img, (img.shape[1] // 2, img.shape[0] // 3))
    if v == 2: img = cv2.rotate(img, cv2.ROTATE_90_CLOCKWISE)
    if v == 3: img = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    if v == 4: img = cv2.resize(img, (97, 301))
    if v == 5: img = img[::-1].copy()
    sub = os.path.join(out, f"set{good % 5}", f"part{good % 3}")
    os.makedirs(sub, exist_ok=True)
    name = f"img{good // 10:02d}"  # repeats across folders and extensions: duplicate stems
    cv2.imwrite(os.path.join(sub, name + exts[good % len(exts)]), img)
    good += 1
bad = os.path.join(out, "broken")
os.makedirs(bad, exist_ok=True)
jpg = open("samples/rocket.jpg", "rb").read()
png = open("samples/coffee.png", "rb").read()
open(os.path.join(bad, "empty.jpg"), "wb").close()
open(os.path.join(bad, "text.png"), "w").write("definitely not a PNG\n")
open(os.path.join(bad, "random.jpg"), "wb").write(bytes(random.getrandbits(8) for _ in range(5000)))
open(os.path.join(bad, "truncated-half.jpg"), "wb").write(jpg[: len(jpg) // 2])
open(os.path.join(bad, "truncated-head.jpg"), "wb").write(jpg[:400])
open(os.path.join(bad, "truncated.png"), "wb").write(png[: len(png) // 3])
ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
chunk = struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
open(os.path.join(bad, "bomb.png"), "wb").write(b"\x89PNG\r\n\x1a\n" + chunk)
open(os.path.join(bad, "html.jpg"), "w").write("<html><body>404</body></html>\n")
open(os.path.join(bad, "badheader.bmp"), "wb").write(b"BM" + bytes(50))
open(os.path.join(bad, "gifdisguised.png"), "wb").write(b"GIF89a" + bytes(100))
print("190 good, 10 broken in", out)
