// A DICOM study as a BraTS-layout case: series read (ITK/GDCM), brought onto the reference
// grid, written as NIfTI, and dicom.json recording where each came from.
#include "tiss/dicom/dicom_import.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dicom/frame_align.h"
#include "tiss/io/image_io.h"
#include "tiss/util/atomic_file.h"
#include "tiss/util/safe_path.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

const std::vector<std::string> kSequences{"t1n", "t1c", "t2w", "t2f"};

std::string seriesName(const DicomSeries& s) {
  return "series " + std::to_string(s.seriesNumber) + " (" + s.description + ")";
}

// How two grids differ, in words, for the refusal.
std::string gridDifference(const Geometry& a, const Geometry& b) {
  std::ostringstream out;
  out.precision(4);
  if (a.size != b.size) out << "size " << a.size[0] << "x" << a.size[1] << "x" << a.size[2] << " vs " << b.size[0] << "x" << b.size[1] << "x" << b.size[2];
  else if (!Geometry{a.size, a.spacing, b.origin, b.direction}.sameAs(b)) out << "spacing " << a.spacing[0] << "x" << a.spacing[1] << "x" << a.spacing[2] << " vs " << b.spacing[0] << "x" << b.spacing[1] << "x" << b.spacing[2] << " mm";
  else if (!Geometry{a.size, a.spacing, a.origin, b.direction}.sameAs(b)) out << "origin differs";
  else out << "orientation differs";
  return out.str();
}

Status checkEmptyTarget(const std::string& caseDir) {
  std::error_code ec;
  if (fs::is_symlink(caseDir, ec)) return makeError(caseDir, "is a symbolic link; give a real folder for the case");
  if (fs::exists(caseDir, ec) && !(fs::is_directory(caseDir, ec) && fs::is_empty(caseDir, ec)))
    return makeError(caseDir, "exists and is not an empty folder: nothing there is replaced; choose a new folder");
  fs::create_directories(caseDir, ec);
  if (ec) return makeError(caseDir, "cannot be created: " + ec.message());
  return Status();
}

nlohmann::json sourceRecord(const DicomSeries& s, const ImportedSeries& how) {
  nlohmann::json j{{"series_uid", s.seriesUid}, {"series_number", s.seriesNumber}, {"description", s.description},
                   {"study_uid", s.studyUid},   {"files", s.files},               {"how", how.how}};
  if (how.how == "registered") j["registration"] = {{"rotation_deg", how.rotationDeg}, {"translation_mm", how.translationMm}};
  return j;
}

}  // namespace

std::string bratsSuffix(const std::string& sequence) {
  static const std::map<std::string, std::string> suffix{{"t1n", "t1"}, {"t1c", "t1ce"}, {"t2w", "t2"}, {"t2f", "flair"}};
  const auto it = suffix.find(sequence);
  return it == suffix.end() ? std::string() : it->second;
}

std::vector<SequenceChoice> suggestedChoices(const DicomScan& scan, const std::string& studyUid) {
  std::string study = studyUid;
  for (const auto& s : scan.series)
    if (study.empty() && s.problem.empty() && s.modality == "MR") study = s.studyUid;
  std::vector<SequenceChoice> out;
  for (const auto& sequence : kSequences) {
    const DicomSeries* best = nullptr;
    for (const auto& s : scan.series)
      if (s.studyUid == study && s.sequence == sequence && s.problem.empty() && (!best || s.files.size() > best->files.size())) best = &s;
    if (best) out.push_back({sequence, best});
  }
  return out;
}

Result<std::vector<ImportedSeries>> importDicomCase(const std::vector<SequenceChoice>& choices, const std::string& caseDir, FrameRule rule) {
  if (choices.empty()) return makeError(caseDir, "no series chosen for any sequence");
  const std::string id = fs::path(caseDir).lexically_normal().filename().string();
  if (auto ok = checkCaseId(id); !ok) return ok.error();
  std::map<std::string, int> seen;
  for (const auto& c : choices) {
    if (bratsSuffix(c.sequence).empty()) return makeError(c.sequence, "is not a sequence (t1n, t1c, t2w or t2f)");
    if (!c.series) return makeError(c.sequence, "has no series chosen");
    if (seen[c.sequence]++) return makeError(c.sequence, "is chosen twice");
  }
  // Every series is read and aligned before anything is written: a refusal leaves no files.
  std::vector<Volume> volumes;
  std::vector<ImportedSeries> done;
  for (const auto& c : choices) {
    auto v = readDicomSeries(*c.series);
    if (!v) return v.error();
    ImportedSeries r;
    r.sequence = c.sequence;
    if (volumes.empty()) r.how = "reference";
    else if (v->geometry.sameAs(volumes.front().geometry, 1e-3)) r.how = "same grid";
    else if (rule == FrameRule::Refuse)
      return makeError(seriesName(*c.series), "is not on the grid of " + seriesName(*choices.front().series) + " (" +
                                                  gridDifference(v->geometry, volumes.front().geometry) +
                                                  "); resample it onto that grid (--resample) or register it first (--register)");
    else if (rule == FrameRule::Resample) {
      *v = resampleOnto(*v, volumes.front().geometry);
      r.how = "resampled";
    } else {
      auto aligned = registerRigid(volumes.front(), *v);
      if (!aligned) return makeError(seriesName(*c.series), aligned.error().message);
      *v = std::move(aligned->aligned);
      r.how = "registered", r.rotationDeg = aligned->rotationDeg, r.translationMm = aligned->translationMm;
    }
    volumes.push_back(std::move(*v));
    done.push_back(r);
  }
  if (auto ok = checkEmptyTarget(caseDir); !ok) return ok.error();
  nlohmann::json record{{"reference", choices.front().sequence}, {"layout", "brats"}, {"sequences", nlohmann::json::object()}};
  for (size_t i = 0; i < choices.size(); ++i) {
    auto path = pathInside(caseDir, id + "_" + bratsSuffix(choices[i].sequence) + ".nii.gz");
    if (!path) return path.error();
    if (auto ok = writeVolume(volumes[i], *path); !ok) return ok.error();
    done[i].file = *path;
    record["sequences"][choices[i].sequence] = sourceRecord(*choices[i].series, done[i]);
  }
  if (auto ok = writeFileAtomically(caseDir + "/dicom.json", record.dump(2) + "\n"); !ok) return ok.error();
  return done;
}

Result<DicomSeries> caseReferenceSeries(const std::string& caseDir) {
  const std::string file = caseDir + "/dicom.json";
  std::ifstream in(file);
  if (!in) return makeError(file, "cannot be read: the case was not imported from DICOM (tissnet dicom import)");
  const auto j = nlohmann::json::parse(in, nullptr, false);
  try {
    if (j.is_discarded()) throw std::runtime_error("not valid JSON");
    const std::string reference = j.at("reference").get<std::string>();
    const auto files = j.at("sequences").at(reference).at("files").get<std::vector<std::string>>();
    const std::string uid = j.at("sequences").at(reference).at("series_uid").get<std::string>();
    DicomScan scan = scanDicomFiles(files);
    if (!scan.problems.empty()) return makeError(scan.problems.front().file, scan.problems.front().reason);
    for (auto& s : scan.series)
      if (s.seriesUid == uid && s.files.size() == files.size()) return s;
    return makeError(file, "the recorded files no longer hold series " + uid + " whole");
  } catch (const std::exception& e) {
    return makeError(file, std::string("malformed: ") + e.what());
  }
}

}  // namespace tiss
