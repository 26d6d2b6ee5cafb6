// Sliding-window inference over a whole case (tissnet infer, validation, bench infer).
#include "training/sliding_window.h"

#include <array>
#include <cmath>

#include "model/mixed_precision.h"

namespace tiss {

using torch::indexing::Slice;

namespace {

// Window start positions along one axis: evenly spaced from 0 to length - window.
std::vector<int64_t> starts(int64_t length, int64_t window, double overlap) {
  if (length <= window) return {0};
  const double step = std::max(1.0, window * (1 - overlap));
  const int64_t count = int64_t(std::ceil(double(length - window) / step)) + 1;
  std::vector<int64_t> s;
  for (int64_t i = 0; i < count; ++i) s.push_back(int64_t(std::llround(double(i) * double(length - window) / double(count - 1))));
  return s;
}

torch::Tensor gaussian(const std::vector<int64_t>& window) {
  torch::Tensor g = torch::ones({1});
  for (size_t a = 0; a < 3; ++a) {
    const double sigma = double(window[a]) / 8.0, centre = (double(window[a]) - 1) / 2;
    auto axis = torch::arange(window[a]).to(torch::kFloat);
    axis = torch::exp(-(axis - centre).pow(2) / (2 * sigma * sigma));
    g = g.unsqueeze(-1) * axis;
  }
  return torch::clamp_min(g / g.max(), 1e-3).view({1, 1, window[0], window[1], window[2]});
}

torch::Tensor padTo(const torch::Tensor& t, const std::vector<int64_t>& size, double value) {
  if (!t.defined()) return t;
  bool fits = true;
  for (size_t a = 0; a < 3; ++a) fits = fits && t.size(2 + int64_t(a)) >= size[a];
  if (fits) return t;  // a copy of a BraTS volume's sources is 107 MB
  // F.pad order: last dimension first, (before, after) each.
  std::vector<int64_t> pad;
  for (int a = 2; a >= 0; --a) pad.insert(pad.end(), {0, std::max<int64_t>(0, size[size_t(a)] - t.size(2 + a))});
  return torch::constant_pad_nd(t, pad, value);
}

// Every window's corner (z, y, x), in the order the windows are run.
std::vector<std::array<int64_t, 3>> corners(const std::vector<int64_t>& padded, const std::vector<int64_t>& window, double overlap) {
  std::vector<std::array<int64_t, 3>> all;
  for (int64_t z : starts(padded[0], window[0], overlap))
    for (int64_t y : starts(padded[1], window[1], overlap))
      for (int64_t x : starts(padded[2], window[2], overlap)) all.push_back({z, y, x});
  return all;
}

// Stacks the windows at `at` of a 1 x C x D x H x W tensor into a batch (undefined stays so).
torch::Tensor gather(const torch::Tensor& t, const std::vector<std::vector<torch::indexing::TensorIndex>>& at) {
  if (!t.defined()) return t;
  std::vector<torch::Tensor> parts;
  for (const auto& a : at) parts.push_back(t.index(a));
  return parts.size() == 1 ? parts.front() : torch::cat(parts, 0);
}

}  // namespace

Outputs slidingWindow(StageModel& model, const Batch& whole, const Size3& patch, double overlap, int batch,
                      const std::function<void(int, int)>& onWindows) {
  // Inference mode: no autograd records at all (faster than NoGradGuard); the outputs are
  // copied to volumes and never enter a graph.
  c10::InferenceMode inference;
  // On CUDA, half precision where it is safe (autocast's op lists); results come back as float.
  AutocastScope autocast(whole.sources.is_cuda());
  const std::vector<int64_t> window{patch[2], patch[1], patch[0]};
  const std::vector<int64_t> full{whole.sources.size(2), whole.sources.size(3), whole.sources.size(4)};
  std::vector<int64_t> padded(3);
  for (size_t a = 0; a < 3; ++a) padded[a] = std::max(full[a], window[a]);
  // The label never enters a window: prediction sees what a clinic has (and a stage that
  // reads the real target gets it).
  Batch b{padTo(whole.sources, padded, -1), padTo(whole.target, padded, -1), torch::Tensor()};
  const auto weight = gaussian(window).to(b.sources.device());
  Outputs sum;
  auto norm = torch::zeros({1, 1, padded[0], padded[1], padded[2]}, b.sources.options());
  const auto all = corners(padded, window, overlap);
  const size_t group = size_t(std::max(1, batch));
  for (size_t first = 0; first < all.size(); first += group) {
    std::vector<std::vector<torch::indexing::TensorIndex>> at;
    for (size_t i = first; i < std::min(all.size(), first + group); ++i) {
      const auto& [z, y, x] = all[i];
      at.push_back({Slice(), Slice(), Slice(z, z + window[0]), Slice(y, y + window[1]), Slice(x, x + window[2])});
    }
    const Batch w{gather(b.sources, at), gather(b.target, at), gather(b.label, at)};
    for (auto& [name, out] : model.predict(w)) {
      if (!sum.count(name)) sum[name] = torch::zeros({1, 1, padded[0], padded[1], padded[2]}, weight.options());
      const auto weighted = out.to(torch::kFloat) * weight;
      for (size_t i = 0; i < at.size(); ++i) sum[name].index(at[i]).add_(weighted.narrow(0, int64_t(i), 1));
    }
    for (const auto& a : at) norm.index(a).add_(weight);
    if (onWindows) onWindows(int(first + at.size()), int(all.size()));
  }
  // Normalised in place and handed over one by one: no second full-size copy of every output.
  Outputs result;
  for (auto it = sum.begin(); it != sum.end(); it = sum.erase(it))
    result[it->first] = it->second.div_(norm)
                            .index({Slice(), Slice(), Slice(0, full[0]), Slice(0, full[1]), Slice(0, full[2])})
                            .to(torch::kCPU, torch::kFloat)
                            .contiguous();
  return result;
}

}  // namespace tiss
