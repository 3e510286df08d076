/**
 * Weights exchange with PyTorch: a pure-Java {@link org.radioclr.nn.weights.Safetensors} reader and
 * writer, and {@link org.radioclr.nn.weights.TorchvisionWeights}, which loads a torchvision
 * ResNet18 state dict (for instance the ImageNet-pretrained baseline) into our encoder and exports
 * ours under the same names.
 */
package org.radioclr.nn.weights;
