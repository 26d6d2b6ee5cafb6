#include "tensors.h"

#include "mixed_precision.h"

#include <cmath>

namespace tiss {

using torch::indexing::Slice;

Batch batchFromPatches(const std::vector<Patch>& patches, int sources, torch::Device device) {
  const Patch& first = patches.front();
  const int64_t n = int64_t(patches.size()), c = first.channels;
  const std::vector<int64_t> shape{first.size[2], first.size[1], first.size[0]};
  auto image = torch::empty({n, c, shape[0], shape[1], shape[2]});
  auto label = torch::empty({n, 1, shape[0], shape[1], shape[2]});
  for (int64_t i = 0; i < n; ++i) {
    const Patch& p = patches[size_t(i)];
    std::memcpy(image[i].data_ptr<float>(), p.image.data(), p.image.size() * sizeof(float));
    std::memcpy(label[i].data_ptr<float>(), p.label.data(), p.label.size() * sizeof(float));
  }
  Batch b;
  b.sources = image.index({Slice(), Slice(0, sources)}).contiguous().to(device);
  if (c > sources) b.target = image.index({Slice(), Slice(sources, sources + 1)}).contiguous().to(device);
  b.label = label.to(device);
  return b;
}

Batch batchFromCase(const MappedCase& m, int sources, torch::Device device) {
  const Size3& s = m.size();
  const std::vector<int64_t> shape{1, 1, s[2], s[1], s[0]};
  auto channel = [&](int ch) {
    // from_blob does not copy: clone so the tensor owns its memory, not the mapping.
    return torch::from_blob(const_cast<float*>(m.channel(ch)), shape).clone().to(device);
  };
  Batch b;
  std::vector<torch::Tensor> src;
  for (int ch = 0; ch < sources; ++ch) src.push_back(channel(ch));
  b.sources = torch::cat(src, 1);
  if (m.imageChannels() > sources) b.target = channel(sources);
  b.label = channel(m.imageChannels());
  return b;
}

Volume toVolume(const torch::Tensor& t, const Geometry& like) {
  Volume v(like, 0.f);
  const auto flat = t.detach().to(torch::kCPU, torch::kFloat).contiguous().view(-1);
  std::memcpy(v.voxels.data(), flat.data_ptr<float>(), v.voxels.size() * sizeof(float));
  return v;
}

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
  // F.pad order: last dimension first, (before, after) each.
  std::vector<int64_t> pad;
  for (int a = 2; a >= 0; --a) pad.insert(pad.end(), {0, std::max<int64_t>(0, size[size_t(a)] - t.size(2 + a))});
  return torch::constant_pad_nd(t, pad, value);
}

}  // namespace

Outputs slidingWindow(StageModel& model, const Batch& whole, const Size3& patch, double overlap) {
  torch::NoGradGuard nograd;
  // On CUDA, half precision where it is safe (autocast's op lists); results come back as float.
  AutocastScope autocast(whole.sources.is_cuda());
  const std::vector<int64_t> window{patch[2], patch[1], patch[0]};
  const std::vector<int64_t> full{whole.sources.size(2), whole.sources.size(3), whole.sources.size(4)};
  std::vector<int64_t> padded(3);
  for (size_t a = 0; a < 3; ++a) padded[a] = std::max(full[a], window[a]);
  Batch b{padTo(whole.sources, padded, -1), padTo(whole.target, padded, -1), padTo(whole.label, padded, 0)};
  const auto weight = gaussian(window).to(b.sources.device());
  Outputs sum;
  auto norm = torch::zeros({1, 1, padded[0], padded[1], padded[2]}, b.sources.options());
  for (int64_t z : starts(padded[0], window[0], overlap))
    for (int64_t y : starts(padded[1], window[1], overlap))
      for (int64_t x : starts(padded[2], window[2], overlap)) {
        const std::vector<torch::indexing::TensorIndex> at{Slice(), Slice(), Slice(z, z + window[0]),
                                                           Slice(y, y + window[1]), Slice(x, x + window[2])};
        Batch w{b.sources.index(at), b.target.defined() ? b.target.index(at) : torch::Tensor(), b.label.index(at)};
        for (auto& [name, out] : model.predict(w)) {
          if (!sum.count(name)) sum[name] = torch::zeros({1, 1, padded[0], padded[1], padded[2]}, weight.options());
          sum[name].index(at).add_(out.to(torch::kFloat) * weight);
        }
        norm.index(at).add_(weight);
      }
  Outputs result;
  for (auto& [name, s] : sum)
    result[name] = (s / norm)
                       .index({Slice(), Slice(), Slice(0, full[0]), Slice(0, full[1]), Slice(0, full[2])})
                       .to(torch::kCPU, torch::kFloat)
                       .contiguous();
  return result;
}

}  // namespace tiss
