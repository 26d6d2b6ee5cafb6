#include "dicom/dicom_files.h"

#include <unistd.h>

#include <filesystem>

#include "tiss/util/atomic_file.h"

namespace fs = std::filesystem;

namespace tiss {

void quietDcmtkLog() {
  static const bool quiet = [] {
    OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
    return true;
  }();
  (void)quiet;
}

Result<InstanceIds> readInstanceIds(const std::string& file) {
  DcmFileFormat ff;
  const OFCondition loaded = ff.loadFile(file.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect);
  if (loaded.bad()) return makeError(file, std::string("not a readable DICOM file (") + loaded.text() + ")");
  DcmDataset& d = *ff.getDataset();
  auto text = [&](const DcmTagKey& key) {
    OFString v;
    return d.findAndGetOFStringArray(key, v).good() ? std::string(v.c_str()) : std::string();
  };
  InstanceIds ids{text(DCM_PatientID), text(DCM_StudyInstanceUID), text(DCM_SeriesInstanceUID), text(DCM_SOPInstanceUID),
                  text(DCM_SOPClassUID), text(DCM_FrameOfReferenceUID)};
  if (ids.sopInstanceUid.empty() || ids.sopClassUid.empty()) return makeError(file, "has no SOPInstanceUID or SOPClassUID");
  return ids;
}

Status saveAtomically(const std::string& path, const std::function<OFCondition(const std::string&)>& save) {
  auto tmp = createTemporaryFile(path);
  if (!tmp) return tmp.error();
  const OFCondition c = save(*tmp);
  std::error_code ec;
  if (c.bad()) {
    fs::remove(*tmp, ec);
    return makeError(path, std::string("cannot be written: ") + c.text());
  }
  if (auto ok = syncFile(*tmp); !ok) {
    fs::remove(*tmp, ec);
    return makeError(path, ok.error().message);
  }
  fs::rename(*tmp, path, ec);
  if (ec) {
    fs::remove(*tmp, ec);
    return makeError(path, "cannot be written: " + ec.message());
  }
  syncFolder(fs::path(path).parent_path().string());
  return Status();
}

}  // namespace tiss
