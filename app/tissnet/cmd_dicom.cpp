// tissnet dicom scan | import | export-seg | export-synthetic: DICOM folders in, results out.
// The PACS commands are in cmd_dicom_pacs.cpp.
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include "commands.h"
#include "progress.h"
#include "tiss/dicom/dicom_export.h"
#include "tiss/dicom/dicom_import.h"
#include "tiss/io/image_io.h"
#include "tiss/util/version.h"

namespace fs = std::filesystem;

namespace tissnet {
namespace {

int scan(const std::string& dir) {
  auto s = tiss::scanDicomFolder(dir);
  if (!s) return fail(s.error());
  std::string patient, study;
  for (const auto& series : s->series) {
    if (series.patientId != patient) {
      patient = series.patientId;
      std::printf("patient %s\n", patient.c_str());
    }
    if (series.studyUid != study) {
      study = series.studyUid;
      std::printf("  study %s %s %s\n", series.studyDate.c_str(), series.studyDescription.c_str(), study.c_str());
    }
    std::printf("    series %d%s %-32s %-3s %4zu slices  %-4s %s\n", series.seriesNumber,
                series.part ? (" part " + std::to_string(series.part + 1)).c_str() : "", series.description.c_str(),
                series.modality.c_str(), series.files.size(), series.sequence.empty() ? "?" : series.sequence.c_str(),
                series.problem.c_str());
  }
  for (const auto& p : s->problems) std::printf("not read: %s: %s\n", p.file.c_str(), p.reason.c_str());
  std::printf("%d files looked at, %zu series, %zu files not read\n", s->files, s->series.size(), s->problems.size());
  return 0;
}

struct ImportArgs {
  std::string dir, out, study;
  std::vector<std::string> series;  // SEQ=NUMBER
  bool resample = false, registerRigid = false;
};

// The suggested choices with the user's SEQ=NUMBER overrides applied.
tiss::Result<std::vector<tiss::SequenceChoice>> choicesFor(const tiss::DicomScan& scan, const ImportArgs& a) {
  auto choices = tiss::suggestedChoices(scan, a.study);
  const std::string study = choices.empty() ? a.study : choices.front().series->studyUid;
  for (const auto& spec : a.series) {
    const auto eq = spec.find('=');
    const std::string sequence = spec.substr(0, eq);
    if (eq == std::string::npos || tiss::bratsSuffix(sequence).empty())
      return tiss::makeError("--series " + spec, "expected SEQ=NUMBER with SEQ one of t1n, t1c, t2w, t2f");
    const int number = std::atoi(spec.c_str() + eq + 1);
    const tiss::DicomSeries* found = nullptr;
    for (const auto& s : scan.series)
      if ((study.empty() || s.studyUid == study) && s.seriesNumber == number && s.part == 0) found = &s;
    if (!found) return tiss::makeError("--series " + spec, "no series " + std::to_string(number) + " in the study");
    auto it = std::find_if(choices.begin(), choices.end(), [&](const auto& c) { return c.sequence == sequence; });
    if (it != choices.end()) it->series = found;
    else choices.push_back({sequence, found});
  }
  return choices;
}

int import(const ImportArgs& a) {
  auto s = tiss::scanDicomFolder(a.dir);
  if (!s) return fail(s.error());
  auto choices = choicesFor(*s, a);
  if (!choices) return fail(choices.error());
  for (const auto& c : *choices)
    std::printf("%s: series %d %s (%zu slices)\n", c.sequence.c_str(), c.series->seriesNumber, c.series->description.c_str(), c.series->files.size());
  const auto rule = a.registerRigid ? tiss::FrameRule::Register : a.resample ? tiss::FrameRule::Resample : tiss::FrameRule::Refuse;
  auto done = tiss::importDicomCase(*choices, a.out, rule);
  if (!done) return fail(done.error());
  for (const auto& r : *done) {
    std::printf("wrote %s (%s", r.file.c_str(), r.how.c_str());
    if (r.how == "registered") std::printf(": rotation %.2f deg, translation %.2f mm", r.rotationDeg, r.translationMm);
    std::printf(")\n");
  }
  return 0;
}

tiss::DicomResultInfo resultInfo(const std::string& description) {
  tiss::DicomResultInfo info;
  info.seriesDescription = description;
  info.softwareVersion = tiss::version();
  return info;
}

int exportSeg(const std::string& caseDir, const std::string& maskFile, const std::string& out, const std::string& description) {
  std::error_code ec;
  if (fs::exists(out, ec) || fs::is_symlink(out, ec)) return fail(tiss::makeError(out, "exists; nothing is replaced: choose a new file"));
  auto source = tiss::caseReferenceSeries(caseDir);
  if (!source) return fail(source.error());
  auto mask = tiss::readVolume(maskFile);
  if (!mask) return fail(mask.error());
  if (auto ok = tiss::exportDicomSeg(*mask, *source, out, resultInfo(description)); !ok) return fail(ok.error());
  std::printf("wrote %s: DICOM SEG over series %d (%s), %s\n", out.c_str(), source->seriesNumber, source->description.c_str(),
              source->seriesUid.c_str());
  return 0;
}

int exportSynthetic(const std::string& caseDir, const std::string& imageFile, const std::string& sequence, const std::string& out) {
  auto source = tiss::caseReferenceSeries(caseDir);
  if (!source) return fail(source.error());
  auto image = tiss::readVolume(imageFile);
  if (!image) return fail(image.error());
  const auto info = resultInfo("SYNTHETIC " + sequence + " - not acquired (TISS-Net)");
  auto files = tiss::exportSyntheticSeries(*image, *source, sequence, out, info);
  if (!files) return fail(files.error());
  std::printf("wrote %zu slices of \"%s\" into %s\n", files->size(), info.seriesDescription.c_str(), out.c_str());
  return 0;
}

void addImport(CLI::App* dicom, int& exitCode) {
  auto a = std::make_shared<ImportArgs>();
  auto* cmd = dicom->add_subcommand("import", "Write a study as a case in the BraTS 2020/2021 layout (CASE/CASE_t1.nii.gz, _t1ce, _t2, "
                                              "_flair) that every other command reads, from the series guessed per sequence");
  cmd->add_option("DIR", a->dir, "folder of DICOM files")->required();
  cmd->add_option("--out", a->out, "the case folder to create (named after the case; must not exist or be empty)")->required();
  cmd->add_option("--study", a->study, "StudyInstanceUID (default: the first study with MR series)");
  cmd->add_option("--series", a->series, "override a guess: SEQ=NUMBER (e.g. t2f=7), repeatable; the first sequence is the reference grid");
  auto* resample = cmd->add_flag("--resample", a->resample, "resample series on another grid onto the reference grid (scanner coordinates)");
  cmd->add_flag("--register", a->registerRigid, "register series on another grid rigidly to the reference first (a patient who moved)")
      ->excludes(resample);
  cmd->callback([a, &exitCode] { exitCode = import(*a); });
}

void addExports(CLI::App* dicom, int& exitCode) {
  auto c = std::make_shared<std::array<std::string, 4>>();
  auto* seg = dicom->add_subcommand("export-seg", "Write a mask of an imported case as a DICOM SEG referencing the case's reference series");
  seg->add_option("--case", (*c)[0], "the case folder written by tissnet dicom import")->required();
  seg->add_option("--mask", (*c)[1], "the mask on the case's grid (e.g. tissnet infer's ID_seg_mask.nii.gz)")->required();
  seg->add_option("--out", (*c)[2], "the .dcm file to write (must not exist)")->required();
  (*c)[3] = "TISS-Net tumor segmentation";
  seg->add_option("--description", (*c)[3], "SeriesDescription")->capture_default_str();
  seg->callback([c, &exitCode] { exitCode = exportSeg((*c)[0], (*c)[1], (*c)[2], (*c)[3]); });
  auto s = std::make_shared<std::array<std::string, 4>>();
  auto* synth = dicom->add_subcommand("export-synthetic", "Write a synthesized sequence of an imported case as a new MR series, derived and "
                                                          "labelled synthetic, in the case's patient and study");
  synth->add_option("--case", (*s)[0], "the case folder written by tissnet dicom import")->required();
  synth->add_option("--image", (*s)[1], "the synthesized image on the case's grid (e.g. tissnet infer's ID_synth.nii.gz)")->required();
  synth->add_option("--sequence", (*s)[2], "what it stands for: t1n, t1c, t2w or t2f")->required()->check(CLI::IsMember({"t1n", "t1c", "t2w", "t2f"}));
  synth->add_option("--out", (*s)[3], "the folder to create for the series' files (must not exist or be empty)")->required();
  synth->callback([s, &exitCode] { exitCode = exportSynthetic((*s)[0], (*s)[1], (*s)[2], (*s)[3]); });
}

}  // namespace

void addDicomCommands(CLI::App& app, int& exitCode) {
  auto* dicom = app.add_subcommand("dicom", "DICOM folders as exported from a scanner or PACS, results sent back as DICOM");
  dicom->require_subcommand(1);
  auto dir = std::make_shared<std::string>();
  auto* cmd = dicom->add_subcommand("scan", "List the patients, studies and series of a folder (any nesting), each series' guessed "
                                            "sequence (t1n, t1c, t2w, t2f; ? when unsure) and why a series or file cannot be read");
  cmd->add_option("DIR", *dir, "folder of DICOM files")->required();
  cmd->callback([dir, &exitCode] { exitCode = scan(*dir); });
  addImport(dicom, exitCode);
  addExports(dicom, exitCode);
  addDicomPacsCommands(dicom, exitCode);
}

}  // namespace tissnet
