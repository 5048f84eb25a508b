#!/usr/bin/python3
"""A synthetic TorchScript model with the ECAPA2 interface and a cost closer to the real one.

The real ECAPA2 file (109 MB, about 27 M weights) cannot be downloaded on the benchmark machine, and
the committed test fixture is tiny (a few hundred kB), so the embedding benchmark also runs on this
one: the same layout as tools/fixtures/make_test_model.py (log-mel front end inside the model, local
and global feature blocks, attentive statistics pooling, 192-value embedding, forward(audio, label))
with ECAPA-sized widths: 80 mel bands, 256 local channels, 1024 global channels, 1536 pooling
channels; 13.9 M weights (a 56 MB file). Weights are random (fixed seed): only its cost matters.

Usage: make_large_model.py OUT_FILE   (written at benchmark time under bench/out/, never committed)
"""
import sys
from typing import List

import torch
import torch.nn as nn
import torchaudio

SAMPLE_RATE = 16000
MELS, LOCAL, GLOBAL, POOL = 80, 256, 1024, 1536


class FrontEnd(nn.Module):
    def __init__(self):
        super().__init__()
        self.mel = torchaudio.transforms.MelSpectrogram(
            sample_rate=SAMPLE_RATE, n_fft=512, win_length=400, hop_length=160, f_min=20.0, f_max=7600.0,
            n_mels=MELS, window_fn=torch.hamming_window, center=False)

    def forward(self, audio: torch.Tensor) -> torch.Tensor:
        x = audio[:, 1:] - 0.97 * audio[:, :-1]
        x = torch.log(self.mel(x) + 1e-6)
        return x - x.mean(dim=-1, keepdim=True)


class Residual(nn.Module):
    def __init__(self, channels: int, dilation: int):
        super().__init__()
        self.conv = nn.Conv1d(channels, channels, 3, dilation=dilation, padding=dilation)
        self.norm = nn.BatchNorm1d(channels)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + 0.5 * torch.relu(self.norm(self.conv(x)))


class Trunk(nn.Module):
    def __init__(self):
        super().__init__()
        self.front = FrontEnd()
        self.lfe1 = nn.Conv1d(MELS, LOCAL, 5)
        self.lfe2 = Residual(LOCAL, 1)
        self.lfe3 = Residual(LOCAL, 1)
        self.lfe4 = Residual(LOCAL, 1)
        self.gfe1 = nn.Conv1d(LOCAL, GLOBAL, 3, dilation=2)
        self.gfe2 = Residual(GLOBAL, 2)
        self.gfe3 = Residual(GLOBAL, 3)
        self.pool = nn.Conv1d(3 * GLOBAL, POOL, 1)
        self.attention_hidden = nn.Conv1d(3 * POOL, 128, 1)
        self.attention_out = nn.Conv1d(128, POOL, 1)
        self.embedding = nn.Linear(2 * POOL, 192)

    def forward(self, audio: torch.Tensor) -> List[torch.Tensor]:
        x = self.front(audio)
        l1 = torch.relu(self.lfe1(x))
        l4 = self.lfe4(self.lfe3(self.lfe2(l1)))
        g1 = torch.relu(self.gfe1(l4))
        g2 = self.gfe2(g1)
        g3 = self.gfe3(g2)
        h = torch.relu(self.pool(torch.cat([g1, g2, g3], dim=1)))
        frames = h.shape[-1]
        mean = h.mean(dim=-1, keepdim=True)
        std = torch.sqrt(torch.clamp(h.var(dim=-1, keepdim=True, unbiased=False), min=1e-5))
        context = torch.cat([h, mean.expand(-1, -1, frames), std.expand(-1, -1, frames)], dim=1)
        weights = torch.softmax(self.attention_out(torch.tanh(self.attention_hidden(context))), dim=-1)
        w_mean = torch.sum(weights * h, dim=-1)
        w_var = torch.clamp(torch.sum(weights * h * h, dim=-1) - w_mean * w_mean, min=1e-5)
        embedding = self.embedding(torch.cat([w_mean, torch.sqrt(w_var)], dim=1))
        return [g1, g2, h, w_mean, w_var, embedding]


class CurrentCard(nn.Module):
    """The interface of ecapa2.pt: ecapa2(audio) and ecapa2(audio, label='gfe_1')."""

    def __init__(self, trunk: Trunk):
        super().__init__()
        self.trunk = trunk

    def forward(self, audio: torch.Tensor, label: str = 'embedding') -> torch.Tensor:
        out = self.trunk(audio)
        if label == 'embedding':
            return out[5]
        if label == 'gfe_1':
            return torch.cat([out[0].mean(dim=-1), out[0].var(dim=-1, unbiased=False)], dim=1)
        if label == 'gfe_2':
            return torch.cat([out[1].mean(dim=-1), out[1].var(dim=-1, unbiased=False)], dim=1)
        if label == 'pool':
            return torch.cat([out[2].mean(dim=-1), out[2].var(dim=-1, unbiased=False)], dim=1)
        if label == 'attention':
            return torch.cat([out[3], out[4]], dim=1)
        raise ValueError('unknown label: ' + label)


def main():
    torch.manual_seed(20240611)
    model = torch.jit.script(CurrentCard(Trunk().eval()).eval())
    model.save(sys.argv[1])
    weights = sum(p.numel() for p in model.parameters())
    print("wrote %s: %.1f M weights" % (sys.argv[1], weights / 1e6))


if __name__ == "__main__":
    main()
