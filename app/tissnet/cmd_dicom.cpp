// tissnet dicom scan: what a folder of DICOM files holds, by patient, study and series.
#include <cstdio>
#include <memory>

#include "commands.h"
#include "progress.h"
#include "tiss/dicom/dicom_scan.h"

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
      std::printf("  study %s %s\n", series.studyDate.c_str(), series.studyDescription.c_str());
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

}  // namespace

void addDicomCommands(CLI::App& app, int& exitCode) {
  auto* dicom = app.add_subcommand("dicom", "DICOM folders as exported from a scanner or PACS");
  dicom->require_subcommand(1);
  auto dir = std::make_shared<std::string>();
  auto* cmd = dicom->add_subcommand("scan", "List the patients, studies and series of a folder (any nesting), each series' guessed "
                                            "sequence (t1n, t1c, t2w, t2f; ? when unsure) and why a series or file cannot be read");
  cmd->add_option("DIR", *dir, "folder of DICOM files")->required();
  cmd->callback([dir, &exitCode] { exitCode = scan(*dir); });
}

}  // namespace tissnet
