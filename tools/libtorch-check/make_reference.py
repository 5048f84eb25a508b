#!/usr/bin/python3
"""Scripted 2-D convolutions with Python's outputs, for run.sh: the two shapes of docs/model.md ("Which
libtorch": 164 channels on 40x200, 36 channels on 16x64) and twelve more (5x5 kernels, 1x1, 17 to 200
channels). Each output is checked against a float64 convolution here before it is written.

  make_reference.py OUT_DIR     writes NAME.pt, NAME_in.f32, NAME_out.f32 (little-endian) and shapes.txt
"""
import os
import sys

import torch

SHAPES = [(164, 164, 3, 40, 200), (36, 36, 3, 16, 64),
          (164, 64, 3, 40, 200), (64, 164, 3, 40, 200), (36, 36, 3, 64, 256), (20, 48, 3, 64, 64),
          (100, 100, 3, 32, 32), (3, 32, 3, 128, 128), (164, 164, 1, 40, 200), (200, 200, 3, 20, 100),
          (164, 164, 5, 20, 100), (50, 50, 3, 100, 100), (17, 33, 3, 50, 70)]


class Conv(torch.nn.Module):
    def __init__(self, ic, oc, k):
        super().__init__()
        self.conv = torch.nn.Conv2d(ic, oc, k, padding=k // 2)

    def forward(self, x):
        return self.conv(x)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    torch.set_num_threads(2)
    names = []
    for i, (ic, oc, k, h, w) in enumerate(SHAPES):
        name = "ic%d_oc%d_k%d_%dx%d" % (ic, oc, k, h, w)
        torch.manual_seed(i)
        m = Conv(ic, oc, k).eval()
        x = torch.randn(1, ic, h, w, generator=torch.Generator().manual_seed(100 + i))
        with torch.no_grad():
            y = m(x)
            y64 = torch.nn.functional.conv2d(x.double(), m.conv.weight.double(), m.conv.bias.double(), padding=k // 2)
        assert (y.double() - y64).abs().max() < 1e-4, name
        torch.jit.script(m).save(os.path.join(out, name + ".pt"))
        x.numpy().astype("<f4").tofile(os.path.join(out, name + "_in.f32"))
        y.numpy().astype("<f4").tofile(os.path.join(out, name + "_out.f32"))
        names.append("%s:%d:%d:%d" % (name, ic, h, w))
    with open(os.path.join(out, "shapes.txt"), "w") as f:
        f.write(" ".join(names))


if __name__ == "__main__":
    main()
