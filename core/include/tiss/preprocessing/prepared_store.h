#pragma once
/// The preprocessed cache that training reads: one raw float32 file per case
/// (`ID.f32`, channel-major: image channels then the 0/1 label, each z-y-x with x fastest)
/// and a JSON sidecar (`ID.json`: size, channel keys, crop box, tumor box and voxel count,
/// preprocessing signature). Cases are memory-mapped, so a 369-case set trains without being
/// held in RAM: the operating system pages in what patches touch.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "tiss/preprocessing/preprocess.h"

namespace tiss {

/// Environment variable naming the preprocessed cache's root (as nnU-Net's nnUNet_preprocessed).
inline constexpr const char* kPreprocessedEnv = "TISS_PREPROCESSED";

/// The cache folder of one preprocessing (`key`: the signature, channels) of the data set in
/// `dataDir`: ROOT/<16 hex digits of stableHash(absolute data folder, key)>, created. ROOT is
/// `configured` (data.cache) when set, else $TISS_PREPROCESSED, else the per-user cache
/// (userCacheDir("preprocessed")). Never inside the data set, which may be read-only: runs and
/// users share a ROOT safely, every file being written atomically and checked by signature.
Result<std::string> preparedCacheDir(const std::string& configured, const std::string& dataDir, const std::string& key);

Status savePrepared(const PreparedCase& c, const std::string& dir, const std::string& signature);

/// Prepares and saves the listed cases on `threads` threads, skipping those already saved
/// with the same signature: the preprocessing, the task's channel keys and each input file's
/// path, size and modification time. A case whose data file is missing or short is rebuilt.
/// Stops at the first failing case and names it.
Status prepareDataset(const Dataset& dataset, const std::vector<std::string>& ids,
                      const PreprocessOptions& options, const std::string& dir, int threads = 2,
                      const std::function<void(int, int)>& progress = {});

/// A read-only memory-mapped prepared case.
class MappedCase {
 public:
  static Result<std::shared_ptr<const MappedCase>> open(const std::string& dir, const std::string& id);
  ~MappedCase();
  MappedCase(const MappedCase&) = delete;
  MappedCase& operator=(const MappedCase&) = delete;

  const std::string& id() const { return id_; }
  const Size3& size() const { return size_; }
  int imageChannels() const { return channels_; }
  const std::vector<std::string>& channelKeys() const { return channelKeys_; }  ///< manifest keys, in order
  const float* channel(int c) const { return data_ + size_t(c) * voxels(); }  ///< c == imageChannels(): label
  const float* label() const { return channel(channels_); }
  const Box& tumorBox() const { return tumorBox_; }
  long tumorVoxels() const { return tumorVoxels_; }
  const std::string& signature() const { return signature_; }
  size_t voxels() const { return size_t(size_[0] * size_[1] * size_[2]); }

 private:
  MappedCase() = default;
  std::string id_, signature_;
  std::vector<std::string> channelKeys_;
  Size3 size_{0, 0, 0};
  int channels_ = 0;
  Box tumorBox_;
  long tumorVoxels_ = 0;
  const float* data_ = nullptr;
  size_t bytes_ = 0;
};

}  // namespace tiss
