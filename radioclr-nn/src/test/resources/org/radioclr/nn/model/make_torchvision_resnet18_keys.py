#!/usr/bin/python3
"""Writes torchvision_resnet18_state_dict.tsv: the state-dict keys and shapes of
torchvision.models.resnet18() (1000 classes, 3 input channels).

torchvision is not installed here, so this script re-creates the module tree the way
torchvision/models/resnet.py builds it (ResNet.__init__, ResNet._make_layer and BasicBlock,
expansion 1, layers [2, 2, 2, 2]) and lists what nn.Conv2d(bias=False), nn.BatchNorm2d and
nn.Linear register, in registration order (= state_dict() order). The 20
"<bn>.num_batches_tracked" buffers (scalars) are left out: DJL has no counterpart, and
torchvision's full state dict therefore has 122 keys where this list has 102.

Run:  /usr/bin/python3 make_torchvision_resnet18_keys.py  (writes next to this script)
The Java test TorchvisionNamesTest reads the TSV; it never runs this script.
"""
import os


def conv(prefix, cin, cout, k):
    return [(prefix + ".weight", (cout, cin, k, k), "parameter")]


def bn(prefix, c):
    return [
        (prefix + ".weight", (c,), "parameter"),
        (prefix + ".bias", (c,), "parameter"),
        (prefix + ".running_mean", (c,), "buffer"),
        (prefix + ".running_var", (c,), "buffer"),
    ]


def basic_block(prefix, inplanes, planes, stride):
    rows = conv(prefix + ".conv1", inplanes, planes, 3)
    rows += bn(prefix + ".bn1", planes)
    rows += conv(prefix + ".conv2", planes, planes, 3)
    rows += bn(prefix + ".bn2", planes)
    if stride != 1 or inplanes != planes:
        rows += conv(prefix + ".downsample.0", inplanes, planes, 1)
        rows += bn(prefix + ".downsample.1", planes)
    return rows


def resnet18(num_classes=1000):
    rows = conv("conv1", 3, 64, 7) + bn("bn1", 64)
    inplanes = 64
    for i, (planes, stride) in enumerate([(64, 1), (128, 2), (256, 2), (512, 2)]):
        for b in range(2):
            s = stride if b == 0 else 1
            rows += basic_block("layer%d.%d" % (i + 1, b), inplanes, planes, s)
            inplanes = planes
    rows += [("fc.weight", (num_classes, 512), "parameter"), ("fc.bias", (num_classes,), "parameter")]
    return rows


def main():
    rows = resnet18()
    total = 0
    for _, shape, kind in rows:
        if kind == "parameter":
            n = 1
            for d in shape:
                n *= d
            total += n
    assert len(rows) == 102, len(rows)
    assert total == 11689512, total  # torchvision's documented count for resnet18
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torchvision_resnet18_state_dict.tsv")
    with open(out, "w") as f:
        f.write("# torchvision resnet18 state dict without num_batches_tracked; made by "
                "make_torchvision_resnet18_keys.py\n")
        f.write("# %d keys, %d trainable parameters\n" % (len(rows), total))
        for key, shape, kind in rows:
            f.write("%s\t%s\t%s\n" % (key, ",".join(str(d) for d in shape), kind))


if __name__ == "__main__":
    main()
