#!/usr/bin/env python3
"""The TISS-Net networks and training step as a researcher would write them in PyTorch.

A measuring tool for scripts/bench-vs-pytorch, not part of the product: it takes the fully
resolved config that `tissnet config` prints, builds the same networks (plain nn.Conv3d,
nn.ConvTranspose3d, BatchNorm3d, PReLU, dropout) and times the same training step and the same
sliding-window inference as `tissnet bench train|infer`. `parity` fills every parameter with the
same deterministic pattern as `tissnet bench parity` and prints parameter counts and the loss
terms of two training steps, so the two programs can be shown to compute the same thing.
Tensors are N x C x D x H x W (D = slices). `--device cuda` runs it on a GPU (scripts/gpu-bench),
`--amp` under autocast (float16) with a gradient scaler, `--compile` with torch.compile (PyTorch 2).
"""
import argparse
import contextlib
import json
import math
import resource
import statistics
import sys
import time

import torch
from torch import nn
import torch.nn.functional as F


def planar(level):
    return level < 2


def scale(level):
    return (1, 2, 2) if planar(level) else (2, 2, 2)


class ConvBlock(nn.Sequential):
    def __init__(self, cin, cout, flat, dropout):
        k, p = ((1, 3, 3), (0, 1, 1)) if flat else ((3, 3, 3), (1, 1, 1))
        super().__init__(nn.Conv3d(cin, cout, k, padding=p), nn.BatchNorm3d(cout), nn.PReLU(),
                         nn.Dropout(dropout), nn.Conv3d(cout, cout, k, padding=p),
                         nn.BatchNorm3d(cout), nn.PReLU())


class Encoder(nn.Module):
    def __init__(self, cin, net):
        super().__init__()
        ch, dr = net["channels"], net["dropout"]
        self.levels = nn.ModuleList(
            ConvBlock(cin if i == 0 else ch[i - 1], ch[i], planar(i), dr[i]) for i in range(5))

    def forward(self, x):
        out = []
        for i, level in enumerate(self.levels):
            if i > 0:
                x = nn.functional.max_pool3d(out[-1], scale(i - 1), scale(i - 1))
            out.append(level(x))
        return out


class Decoder(nn.Module):
    def __init__(self, cout, net):
        super().__init__()
        ch, dr = net["channels"], net["dropout"]
        decoder_dropout = net.get("decoder_dropout", True)
        self.ups = nn.ModuleList()
        self.blocks = nn.ModuleList()
        for i in reversed(range(4)):
            self.ups.append(nn.ConvTranspose3d(ch[i + 1], ch[i], scale(i), stride=scale(i)))
            self.blocks.append(ConvBlock(2 * ch[i], ch[i], planar(i), dr[i] if decoder_dropout else 0.0))
        self.head = nn.Conv3d(ch[0], cout, (1, 3, 3), padding=(0, 1, 1))

    def forward(self, skips):
        x = skips[-1]
        for j, (up, block) in enumerate(zip(self.ups, self.blocks)):
            x = block(torch.cat([skips[3 - j], up(x)], 1))
        return self.head(x)


class UNet25D(nn.Module):
    def __init__(self, cin, cout, net):
        super().__init__()
        self.encoder, self.decoder = Encoder(cin, net), Decoder(cout, net)

    def forward(self, x):
        return self.decoder(self.encoder(x))


class DBNet(nn.Module):
    def __init__(self, cin, out1, out2, net):
        super().__init__()
        self.encoder = Encoder(cin, net)
        self.first, self.second = Decoder(out1, net), Decoder(out2, net)

    def forward(self, x):
        skips = self.encoder(x)
        return self.first(skips), self.second(skips)


def patch_gan(cin, w):
    def conv(a, b, s):
        return nn.Conv3d(a, b, 4, stride=(1, s, s), padding=1)

    def act():
        return nn.LeakyReLU(0.2)

    return nn.Sequential(conv(cin, w, 2), act(), conv(w, 2 * w, 2), nn.BatchNorm3d(2 * w), act(),
                         conv(2 * w, 4 * w, 2), nn.BatchNorm3d(4 * w), act(),
                         conv(4 * w, 8 * w, 1), nn.BatchNorm3d(8 * w), act(), conv(8 * w, 1, 1))


def dice(p, y, eps=1e-5):
    return 1 - (2 * (p * y).sum() + eps) / (p.sum() + y.sum() + eps)


def lsgan_g(fake):
    return (fake - 1).pow(2).mean()


def lsgan_d(real, fake):
    return fake.pow(2).mean() + (real - 1).pow(2).mean()


def tumor_box_mask(label):
    mask = torch.zeros_like(label)
    for n in range(label.shape[0]):
        nz = torch.nonzero(label[n, 0] > 0.5)
        if nz.shape[0] == 0:
            continue
        lo, hi = nz.min(0).values, nz.max(0).values
        mask[n, 0, lo[0]:hi[0] + 1, lo[1]:hi[1] + 1, lo[2]:hi[2] + 1] = 1
    return mask


class TissNet:
    """G, S, D_g, D_t and a frozen S_p; the step of core/src/model/tissnet_stage.cpp."""

    def __init__(self, cfg, sources, device="cpu", amp=False, compile=False):
        net, loss = cfg["net"], cfg["loss"]
        self.loss = loss
        self.device = torch.device(device)
        self.amp = amp and self.device.type == "cuda"
        self.g = DBNet(sources, 1, 1, net)
        self.s = DBNet(sources + 2, 1, 1, net)
        self.dg = patch_gan(sources + 1, net["disc_channels"])
        self.dt = patch_gan(sources + 1, net["disc_channels"])
        self.sp = UNet25D(1, 1, net).eval()
        for p in self.sp.parameters():
            p.requires_grad_(False)
        lr = cfg["optim"]["lr"]
        self.opt_gs = torch.optim.Adam(list(self.g.parameters()) + list(self.s.parameters()), lr, betas=(0.5, 0.999))
        self.opt_d = torch.optim.Adam(list(self.dg.parameters()) + list(self.dt.parameters()), lr, betas=(0.5, 0.999))
        for m in (self.g, self.s, self.dg, self.dt, self.sp):
            m.to(self.device)
        self.scaler = torch.cuda.amp.GradScaler(enabled=self.amp)
        # torch.compile'd callables over the same modules (their parameters are shared).
        wrap = torch.compile if compile else (lambda m: m)
        self.g_run, self.s_run, self.dg_run, self.dt_run, self.sp_run = (
            wrap(self.g), wrap(self.s), wrap(self.dg), wrap(self.dt), wrap(self.sp))

    def autocast(self):
        if not self.amp:  # CPU autocast accepts bfloat16 only: no context at all without AMP
            return contextlib.nullcontext()
        return torch.autocast(device_type=self.device.type, dtype=torch.float16)

    def modules(self):
        return {"G": self.g, "S": self.s, "D_g": self.dg, "D_t": self.dt, "S_p": self.sp}

    def train(self, on):
        for m in (self.g, self.s, self.dg, self.dt):
            m.train(on)

    def forward(self, xs):
        synth, coarse = self.g_run(xs)
        o = {"synth": torch.tanh(synth), "yc": torch.sigmoid(coarse)}
        fine, error = self.s_run(torch.cat([xs, o["synth"], o["yc"]], 1))
        o["yf"], o["ye"] = torch.sigmoid(fine), torch.sigmoid(error)
        o["yr"] = (1 - o["yc"]) * o["ye"] + o["yc"] * (1 - o["ye"])
        return o

    def step(self, xs, xt, y):
        lw, terms = self.loss, {}
        mask = tumor_box_mask(y)
        total = 0

        def add(name, t, w):
            nonlocal total
            terms[name] = t.item()
            total = total + w * t

        with self.autocast():
            o = self.forward(xs)
            add("syn_g_l1", nn.functional.l1_loss(o["synth"], xt), lw["alpha_g"])
            add("syn_g_adv", lsgan_g(self.dg_run(torch.cat([xs, o["synth"]], 1))), 1)
            add("syn_t_l1", nn.functional.l1_loss(mask * o["synth"], mask * xt), lw["alpha_t"])
            add("syn_t_adv", lsgan_g(self.dt_run(mask * torch.cat([xs, o["synth"]], 1))), 1)
            if lw["lambda_p"] > 0:
                add("perceptibility", dice(torch.sigmoid(self.sp_run(o["synth"])), y), lw["lambda_p"])
            add("coarse", dice(o["yc"], y), lw["lambda_c"])
            add("fine", dice(o["yf"], y), lw["lambda_s"])
            err = ((o["yc"].detach() > 0.5) != (y > 0.5)).float()
            add("error", dice(o["ye"], err), lw["lambda_s"])
            add("consistency", (o["yf"] - o["yr"]).pow(2).mean(), lw["lambda_s"])
        terms["total"] = total.item()
        self.opt_gs.zero_grad()
        self.scaler.scale(total).backward()
        self.scaler.step(self.opt_gs)
        with self.autocast():
            real, fake = torch.cat([xs, xt], 1), torch.cat([xs, o["synth"].detach()], 1)
            d = lsgan_d(self.dg_run(real), self.dg_run(fake)) + lsgan_d(self.dt_run(mask * real), self.dt_run(mask * fake))
        self.opt_d.zero_grad()
        self.scaler.scale(d).backward()
        self.scaler.step(self.opt_d)
        self.scaler.update()
        terms["discriminator"] = d.item()
        return terms

    def predict(self, xs):
        with self.autocast():
            o = self.forward(xs)
            o["sp_on_synth"] = torch.sigmoid(self.sp_run(o["synth"]))
        o = {k: v.float() for k, v in o.items()}
        o["seg"] = o["yf"]
        return o


def patch_dhw(cfg):
    return [int(v) for v in cfg["data"]["patch"].split("x")]


def random_batch(n, sources, dhw, device="cpu"):
    xs = torch.rand(n, sources, *dhw) * 2 - 1
    xt = torch.rand(n, 1, *dhw) * 2 - 1
    y = (torch.rand(n, 1, *dhw) > 0.7).float()
    return xs.to(device), xt.to(device), y.to(device)


def peak_mb(device="cpu"):
    if torch.device(device).type == "cuda":
        return torch.cuda.max_memory_allocated(torch.device(device)) / (1024.0 * 1024.0)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def sync(device):
    if torch.device(device).type == "cuda":
        torch.cuda.synchronize(torch.device(device))


def bench_train(cfg, sources, iterations, device="cpu", amp=False, compile=False):
    model = TissNet(cfg, sources, device, amp, compile)
    model.train(True)
    xs, xt, y = random_batch(cfg["data"]["batch"], sources, patch_dhw(cfg), device)
    ms = []
    warmup = 3 if compile else 1  # torch.compile traces on the first calls
    for i in range(iterations + warmup):
        sync(device)
        t0 = time.perf_counter()
        model.step(xs, xt, y)
        sync(device)
        if i >= warmup:
            ms.append((time.perf_counter() - t0) * 1000)
    return {"ms": statistics.median(ms), "iterations": iterations, "peak_mb": peak_mb(device)}


def starts(length, window, overlap):
    if length <= window:
        return [0]
    step = max(1.0, window * (1 - overlap))
    count = int(math.ceil((length - window) / step)) + 1
    return [int(round(i * (length - window) / (count - 1))) for i in range(count)]


def gaussian(window):
    g = torch.ones(1)
    for w in window:
        sigma, centre = w / 8.0, (w - 1) / 2
        axis = torch.exp(-(torch.arange(w).float() - centre) ** 2 / (2 * sigma * sigma))
        g = g.unsqueeze(-1) * axis
    return torch.clamp_min(g / g.max(), 1e-3).view(1, 1, *window)


@torch.no_grad()
def sliding_window(model, xs, window, overlap, batch):
    """The windows of `tissnet infer`, `batch` at a time (MONAI's sw_batch_size)."""
    shape = xs.shape[2:]
    full = [max(n, w) for n, w in zip(shape, window)]  # padded with -1 where a window is larger
    xs = F.pad(xs, [p for n, f in reversed(list(zip(shape, full))) for p in (0, f - n)], value=-1.0)
    weight = gaussian(window).to(xs.device)
    sums, norm = {}, torch.zeros(1, 1, *full, device=xs.device)
    corners = [(z, y, x) for z in starts(full[0], window[0], overlap) for y in starts(full[1], window[1], overlap)
               for x in starts(full[2], window[2], overlap)]
    for first in range(0, len(corners), batch):
        group = corners[first:first + batch]
        views = [(slice(None), slice(None), slice(z, z + window[0]), slice(y, y + window[1]), slice(x, x + window[2]))
                 for z, y, x in group]
        out = model.predict(torch.cat([xs[v] for v in views], 0))
        for name, t in out.items():
            s = sums.setdefault(name, torch.zeros(1, 1, *full, device=xs.device))
            for i, v in enumerate(views):
                s[v] += t[i:i + 1] * weight
        for v in views:
            norm[v] += weight
    crop = (slice(None), slice(None)) + tuple(slice(0, n) for n in shape)
    return {k: (s / norm)[crop] for k, s in sums.items()}, len(corners)


def bench_infer(cfg, sources, size, batch, window, device="cpu", amp=False, compile=False):
    model = TissNet(cfg, sources, device, amp, compile)
    model.train(False)
    xs = (torch.rand(1, sources, *size) * 2 - 1).to(device)
    if compile:  # traced once on a first window before the clock starts
        sliding_window(model, xs[..., : (window or patch_dhw(cfg))[0], :, :], window or patch_dhw(cfg), 0.0, batch)
    if str(device).startswith("cuda"):  # CUDA's lazy loading and kernel choice, untimed (as tissnet bench infer)
        sliding_window(model, xs, window or patch_dhw(cfg), cfg["validation"]["overlap"], batch)
    sync(device)
    t0 = time.perf_counter()
    _, windows = sliding_window(model, xs, window or patch_dhw(cfg), cfg["validation"]["overlap"], batch)
    sync(device)
    return {"seconds": time.perf_counter() - t0, "windows": windows, "peak_mb": peak_mb(device)}


def fill_pattern(t):
    """The deterministic values of tissnet bench parity: a function of shape and index only."""
    n = t.numel()
    i = torch.arange(n, dtype=torch.float64)
    if t.dim() >= 2:
        fan_in = n // t.shape[0]
        v = torch.sin(1.3 * i + 0.1 * n) * math.sqrt(3.0 / fan_in)
    else:
        v = 0.5 + 0.3 * torch.sin(1.3 * i + 0.1 * n)
    with torch.no_grad():
        t.copy_(v.view(t.shape).to(t.dtype))


def parity_batch(n, sources, dhw):
    count = n * sources * dhw[0] * dhw[1] * dhw[2]
    i = torch.arange(count, dtype=torch.float64)
    xs = torch.sin(0.001 * i + 0.3 * torch.cos(0.0007 * i)).float().view(n, sources, *dhw)
    xt = torch.cos(0.0013 * i[: count // sources]).float().view(n, 1, *dhw)
    y = torch.zeros(n, 1, *dhw)
    d, h, w = dhw
    y[:, :, d // 4: d // 2 + 1, h // 3: 2 * h // 3, w // 4: w // 2] = 1
    return xs, xt, y


def parity(cfg, sources, steps=2, device="cpu"):
    model = TissNet(cfg, sources, device)
    for m in model.modules().values():
        for p in m.parameters():
            fill_pattern(p)
    counts = {k: sum(p.numel() for p in m.parameters()) for k, m in model.modules().items()}
    model.train(True)
    xs, xt, y = (t.to(device) for t in parity_batch(cfg["data"]["batch"], sources, patch_dhw(cfg)))
    return {"parameters": counts, "steps": [model.step(xs, xt, y) for _ in range(steps)]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["train", "infer", "parity", "params"])
    ap.add_argument("--config", required=True, help="a config JSON as printed by `tissnet config`")
    ap.add_argument("--sources", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--iterations", type=int, default=5)
    ap.add_argument("--size", default="32x128x128", help="inference volume DxHxW")
    ap.add_argument("--batch", type=int, default=1, help="windows per forward pass at inference")
    ap.add_argument("--window", help="sliding window DxHxW (default: the training patch); "
                                     "bench-vs-pytorch passes the one tissnet used")
    ap.add_argument("--device", default="cpu", help="cpu, cuda or cuda:N")
    ap.add_argument("--amp", action="store_true", help="autocast (float16) and a gradient scaler, on CUDA")
    ap.add_argument("--compile", action="store_true", help="torch.compile the networks (PyTorch 2)")
    a = ap.parse_args()
    if a.compile and not hasattr(torch, "compile"):
        sys.exit("pytorch_reference: torch.compile needs PyTorch 2 (this is %s)" % torch.__version__)
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    with open(a.config) as f:
        cfg = json.load(f)
    if cfg["stage"] != "tissnet":
        sys.exit("pytorch_reference: only the tissnet stage is written here")
    if a.what == "train":
        r = bench_train(cfg, a.sources, a.iterations, a.device, a.amp, a.compile)
    elif a.what == "infer":
        window = [int(v) for v in a.window.split("x")] if a.window else None
        r = bench_infer(cfg, a.sources, [int(v) for v in a.size.split("x")], a.batch, window, a.device, a.amp, a.compile)
    elif a.what == "parity":
        r = parity(cfg, a.sources, device=a.device)
    else:
        r = {k: sum(p.numel() for p in m.parameters()) for k, m in TissNet(cfg, a.sources).modules().items()}
    r["torch"] = torch.__version__
    r["threads"] = torch.get_num_threads()
    print(json.dumps(r))


if __name__ == "__main__":
    main()
