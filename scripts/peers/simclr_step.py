#!/usr/bin/python3
"""PyTorch peer of `radioclr bench train`, row "model step only (fwd+bwd+Adam)".

Debian packages (Debian 12): python3-torch (1.13), python3-torchvision (0.14), python3-numpy.
Run with the system Python, side by side with radioclr on the same machine:

    ./radioclr bench train --stem standard                  # 64 px, batch 32, 10 steps
    /usr/bin/python3 scripts/peers/simclr_step.py --stem standard
    ./radioclr bench train --image-size 224 --batch 32 --steps 3
    /usr/bin/python3 scripts/peers/simclr_step.py --image-size 224 --batch 32 --steps 3

The same network and step as radioclr's SimclrStep: torchvision's ResNet18 (fc removed; with
--stem small the 7x7/2 convolution and max-pool become a 3x3/1 convolution, radioclr's small
stem), the projection head Linear(512->256, no bias) -> BatchNorm1d -> ReLU -> Linear(256->128),
NT-Xent with temperature 0.1 over the 2B views of a batch of B images (both views in one forward
pass), backward, Adam (lr 1e-3, no weight decay). One fixed random batch (the speed of these
kernels does not depend on the pixel values), one untimed warm-up step, then --steps timed
steps. The options and defaults are those of `radioclr bench train` (--image-size 64, --batch
32, --stem auto = small up to 32 px, --steps 10); --threads (default: all cores, as libtorch in
radioclr) sets torch.set_num_threads; --autocast bf16|fp16 runs the forward pass under
torch.autocast (mixed precision: float32 weights, Adam and loss; what radioclr cannot do through
DJL, README "radioclr bench train"). Like ./radioclr it sets OMP_WAIT_POLICY=PASSIVE unless it is
set (OpenMP threads that spin while waiting take the cores on a shared machine).

Prints one line in the form of bench train's rows: stage, images, seconds, img/s, views/s
(an image is a pair of views).
"""
import argparse
import os
import time

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402  (after OMP_WAIT_POLICY, which libgomp reads when it loads)
import torch.nn.functional as F  # noqa: E402
import torchvision  # noqa: E402


class SimCLR(torch.nn.Module):
    def __init__(self, small_stem):
        super().__init__()
        enc = torchvision.models.resnet18()
        if small_stem:
            enc.conv1 = torch.nn.Conv2d(3, 64, 3, 1, 1, bias=False)
            enc.maxpool = torch.nn.Identity()
        enc.fc = torch.nn.Identity()
        self.encoder = enc
        self.head = torch.nn.Sequential(
            torch.nn.Linear(512, 256, bias=False),
            torch.nn.BatchNorm1d(256),
            torch.nn.ReLU(),
            torch.nn.Linear(256, 128),
        )

    def forward(self, x):
        return self.head(self.encoder(x))


def nt_xent(z, temperature):
    """SimCLR's NT-Xent: rows k and k + N of z are the two views of image k."""
    n2 = z.shape[0]
    z = F.normalize(z, dim=1)
    s = z @ z.t() / temperature
    s = s.masked_fill(torch.eye(n2, dtype=torch.bool), float("-inf"))
    target = torch.arange(n2).roll(n2 // 2)
    return F.cross_entropy(s, target)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--image-size", type=int, default=64)
    p.add_argument("--batch", type=int, default=32, help="images per step (2x views)")
    p.add_argument("--stem", choices=("auto", "small", "standard"), default="auto")
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--autocast", choices=("none", "bf16", "fp16"), default="none")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    small = a.image_size <= 32 if a.stem == "auto" else a.stem == "small"
    model = SimCLR(small).train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=0.0)
    views = torch.rand(2 * a.batch, 3, a.image_size, a.image_size)

    dtype = {"bf16": torch.bfloat16, "fp16": torch.float16}.get(a.autocast)

    def step():
        opt.zero_grad(set_to_none=True)
        with torch.autocast("cpu", dtype=dtype, enabled=dtype is not None):
            z = model(views)
        loss = nt_xent(z.float(), 0.1)
        loss.backward()
        opt.step()
        return loss

    print(
        f"PyTorch {torch.__version__} / torchvision {torchvision.__version__}: SimCLR ResNet18"
        f" ({'small' if small else 'torchvision'} stem), 2 views x 3x{a.image_size}x{a.image_size},"
        f" batch {a.batch}, {a.steps} steps, {torch.get_num_threads()} threads,"
        f" autocast {a.autocast},"
        f" OMP_WAIT_POLICY={os.environ['OMP_WAIT_POLICY']}, {os.cpu_count()} cores"
    )
    step()  # warm-up, not timed
    t0 = time.perf_counter()
    for _ in range(a.steps):
        step()
    seconds = time.perf_counter() - t0
    images = a.steps * a.batch
    print(f"{'stage':<32} {'images':>8} {'seconds':>9} {'img/s':>9} {'views/s':>9}")
    print(
        f"{'model step only (fwd+bwd+Adam)':<32} {images:8d} {seconds:9.2f}"
        f" {images / seconds:9.1f} {2 * images / seconds:9.1f}"
    )


if __name__ == "__main__":
    main()
