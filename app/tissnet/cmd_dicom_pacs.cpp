// tissnet dicom echo | query | retrieve | store: a PACS over DIMSE (C-ECHO, C-FIND, C-GET,
// C-STORE), the same core calls the workbench's "Open from PACS…" makes.
#include <cstdio>
#include <memory>

#include "commands.h"
#include "progress.h"
#include "tiss/dicom/dicom_network.h"

namespace tissnet {
namespace {

void addNodeOptions(CLI::App* cmd, tiss::DicomNode& node) {
  cmd->add_option("--host", node.host, "the PACS's host name or address")->capture_default_str();
  cmd->add_option("--port", node.port, "its DICOM port")->capture_default_str()->check(CLI::Range(1, 65535));
  cmd->add_option("--called-aet", node.calledAe, "its application entity title")->capture_default_str();
  cmd->add_option("--aet", node.callingAe, "ours (the PACS may have to know it)")->capture_default_str();
  cmd->add_option("--timeout", node.timeoutSeconds, "seconds for the connection and each message")->capture_default_str()->check(CLI::Range(1, 3600));
  cmd->add_flag("--tls", node.tls, "DICOM TLS (the BCP 195 profile), where the PACS offers it on this port");
  cmd->add_option("--tls-trusted", node.tlsTrustedCertificates, "PEM certificate(s) that sign the PACS's (without: encrypted, the PACS not authenticated)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--tls-certificate", node.tlsCertificate, "our PEM certificate, for a PACS that asks for one")->check(CLI::ExistingFile);
  cmd->add_option("--tls-key", node.tlsPrivateKey, "our PEM private key (with --tls-certificate)")->check(CLI::ExistingFile);
}

int query(const tiss::DicomNode& node, const tiss::StudyQuery& q, const std::string& study) {
  if (!study.empty()) {
    auto series = tiss::findSeries(node, study);
    if (!series) return fail(series.error());
    for (const auto& s : *series)
      std::printf("series %4d %-4s %4d images  %-32s %s\n", s.seriesNumber, s.modality.c_str(), s.instances, s.description.c_str(), s.seriesUid.c_str());
    std::printf("%zu series\n", series->size());
    return 0;
  }
  auto studies = tiss::findStudies(node, q);
  if (!studies) return fail(studies.error());
  for (const auto& s : *studies)
    std::printf("%s  %-12s %-20s %-8s %3d series  %-24s %s\n", s.studyDate.c_str(), s.patientId.c_str(), s.patientName.c_str(), s.modalities.c_str(),
                s.seriesCount, s.description.c_str(), s.studyUid.c_str());
  std::printf("%zu studies\n", studies->size());
  return 0;
}

}  // namespace

void addDicomPacsCommands(CLI::App* dicom, int& exitCode) {
  auto node = std::make_shared<tiss::DicomNode>();
  auto* echo = dicom->add_subcommand("echo", "Check that the PACS answers (C-ECHO)");
  addNodeOptions(echo, *node);
  echo->callback([node, &exitCode] {
    const auto ok = tiss::echoDicomNode(*node);
    exitCode = ok ? 0 : fail(ok.error());
    if (ok)
      std::printf("%s@%s:%d answers%s\n", node->calledAe.c_str(), node->host.c_str(), node->port,
                  !node->tls ? "" : node->tlsTrustedCertificates.empty() ? " over TLS (encrypted; the PACS's certificate was not checked)" : " over TLS (the PACS's certificate checked)");
  });

  auto q = std::make_shared<tiss::StudyQuery>();
  auto study = std::make_shared<std::string>();
  auto* query = dicom->add_subcommand("query", "List the PACS's studies (C-FIND; empty filters match all), or with --study that study's series");
  addNodeOptions(query, *node);
  query->add_option("--patient-id", q->patientId, "PatientID (wildcards * and ? as the PACS allows)");
  query->add_option("--patient-name", q->patientName, "PatientName, e.g. Doe^*");
  query->add_option("--date-from", q->dateFrom, "first study date, YYYYMMDD");
  query->add_option("--date-to", q->dateTo, "last study date, YYYYMMDD");
  query->add_option("--modality", q->modality, "a modality in the study, e.g. MR");
  query->add_option("--study", *study, "StudyInstanceUID: list its series instead");
  query->callback([node, q, study, &exitCode] { exitCode = tissnet::query(*node, *q, *study); });

  auto ids = std::make_shared<std::array<std::string, 3>>();
  auto* retrieve = dicom->add_subcommand("retrieve", "Copy one series from the PACS into a folder (C-GET), then tissnet dicom import it");
  addNodeOptions(retrieve, *node);
  retrieve->add_option("--study", (*ids)[0], "StudyInstanceUID")->required();
  retrieve->add_option("--series", (*ids)[1], "SeriesInstanceUID")->required();
  retrieve->add_option("--out", (*ids)[2], "folder for the files (created)")->required();
  retrieve->callback([node, ids, &exitCode] {
    const auto progress = terminalProgress("retrieving");
    auto files = tiss::retrieveSeries(*node, (*ids)[0], (*ids)[1], (*ids)[2], [&](int done, int total) {
      if (progress) progress(done, total);
      return true;
    });
    exitCode = files ? 0 : fail(files.error());
    if (files) std::printf("retrieved %zu files into %s\n", files->size(), (*ids)[2].c_str());
  });

  auto files = std::make_shared<std::vector<std::string>>();
  auto* store = dicom->add_subcommand("store", "Send DICOM files (a SEG, a synthetic series) to the PACS (C-STORE)");
  addNodeOptions(store, *node);
  store->add_option("FILES", *files, "the files to send")->required()->check(CLI::ExistingFile);
  store->callback([node, files, &exitCode] {
    const auto progress = terminalProgress("storing");
    const auto ok = tiss::storeFiles(*node, *files, [&](int done, int total) {
      if (progress) progress(done, total);
      return true;
    });
    exitCode = ok ? 0 : fail(ok.error());
    if (ok) std::printf("stored %zu files\n", files->size());
  });
}

}  // namespace tissnet
