#pragma once
// The loss terms of TISS-Net (method.md), each a small function of tensors N x 1 x D x H x W.
#include <torch/torch.h>

namespace tiss::losses {

/// Soft Dice loss 1 - (2 sum(p y) + eps) / (sum(p) + sum(y) + eps) over the whole batch;
/// 0 for identical binary masks (also when both are empty).
torch::Tensor dice(const torch::Tensor& probability, const torch::Tensor& target, double eps = 1e-5);

/// LSGAN generator term mean((D(fake) - 1)^2).
torch::Tensor lsganGenerator(const torch::Tensor& scoresOnFake);

/// LSGAN discriminator term mean(D(fake)^2) + mean((D(real) - 1)^2).
torch::Tensor lsganDiscriminator(const torch::Tensor& scoresOnReal, const torch::Tensor& scoresOnFake);

/// M: 1 inside the bounding box of each sample's tumor (label > 0.5), 0 elsewhere; all zero
/// for a sample without tumor.
torch::Tensor tumorBoxMask(const torch::Tensor& label);

/// y_r = (1 - y_c) y_e + y_c (1 - y_e): the coarse segmentation corrected where the error
/// prediction says it is wrong.
torch::Tensor refined(const torch::Tensor& coarse, const torch::Tensor& error);

/// Error target [y != y_c]: 1 where the thresholded coarse segmentation disagrees with y.
torch::Tensor errorTarget(const torch::Tensor& coarse, const torch::Tensor& label);

/// Consistency ||y_f - y_r||^2 as a mean over voxels.
torch::Tensor consistency(const torch::Tensor& fine, const torch::Tensor& refinedPrediction);

}  // namespace tiss::losses
