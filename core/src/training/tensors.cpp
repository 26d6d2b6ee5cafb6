#include "training/tensors.h"

#include <cstring>

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

}  // namespace tiss
