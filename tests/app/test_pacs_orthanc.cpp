// A real PACS: Orthanc started on loopback ports with its own configuration and storage in a
// temporary folder. A phantom study is sent to it (C-STORE), found (C-FIND) and retrieved
// (C-GET) through the same core calls the workbench makes, imported as a case, segmented by a
// tiny model trained here, and the DICOM SEG sent back is found in Orthanc referencing the
// series it was computed on, and overlays it exactly. Skips, saying why, where Orthanc is not
// installed or does not start.
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include "cli_support.h"
#include "orthanc_support.h"
#include "dicom_series_writer.h"
#include "tiss/dicom/dicom_export.h"
#include "tiss/dicom/dicom_import.h"
#include "tiss/dicom/dicom_network.h"
#include "tiss/io/image_io.h"

using namespace tiss;
using testsupport::tissnet;

namespace {

const char* kStudy = "1.2.826.0.1.3680043.2.1125.77";

// Writes the phantom case `id` of `data` as four MR series of one study; returns all files.
std::vector<std::string> writeStudy(const std::string& data, const std::string& id, const std::string& out) {
  const std::vector<std::tuple<std::string, std::string, std::string>> series{{"t1", "T1W_3D_TFE", "1.2.3.77.1"},
                                                                             {"t1ce", "Ax T1 BRAVO +C", "1.2.3.77.2"},
                                                                             {"t2", "t2_tse_tra", "1.2.3.77.3"},
                                                                             {"flair", "t2_tirm_tra_dark-fluid", "1.2.3.77.4"}};
  std::vector<std::string> files;
  int number = 1;
  for (const auto& [suffix, description, uid] : series) {
    auto v = readVolume(data + "/" + id + "/" + id + "_" + suffix + ".nii.gz");
    if (!v) return {};
    test::SeriesSpec spec;
    spec.uid = uid, spec.description = description, spec.number = number, spec.studyUid = kStudy, spec.scramble = false;
    for (auto& f : test::writeDicomSeries(out + "/" + std::to_string(number++), *v, spec)) files.push_back(f);
  }
  return files;
}

std::string referencedSeries(const std::string& segFile) {
  DcmFileFormat ff;
  DcmItem* item = nullptr;
  OFString uid;
  if (ff.loadFile(segFile.c_str()).good() && ff.getDataset()->findAndGetSequenceItem(DCM_ReferencedSeriesSequence, item, 0).good())
    item->findAndGetOFString(DCM_SeriesInstanceUID, uid);
  return uid.c_str();
}

}  // namespace

class TestPacsOrthanc : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void studyToSegmentationAndBack() {
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    test::Orthanc pacs;
    if (const QString why = pacs.start(dir.path()); !why.isEmpty()) QSKIP(qPrintable("no PACS here: " + why));

    // A tiny segmentation model, trained here on phantom cases.
    const QString data = dir.path() + "/data", run = dir.path() + "/run";
    QCOMPARE(tissnet({"phantom", "--layout", "brats", "--cases", "4", "--size", "16x48x48", "--seed", "5", "--out", data}).code, 0);
    auto trained = tissnet({"train", "--data", data, "--run", run, "--preset", "cpu-small", "--set", "stage=seg-source", "--set",
                            "net.channels=[4,8,16,16,32]", "--set", "data.patch=16x48x48", "--set", "optim.iterations_per_epoch=40", "--set",
                            "optim.epochs_constant=1", "--set", "optim.epochs_decay=0", "--set", "validation.every=0", "--set",
                            "checkpoint.every=40", "--set", "optim.lr=0.003", "--threads", "2"});
    QVERIFY2(trained.code == 0, qPrintable(trained.err.right(1500)));

    // The hospital's study, sent to the PACS.
    const std::string firstCase = QDir(data).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name).first().toStdString();
    const auto files = writeStudy(data.toStdString(), firstCase, root + "/scanner");
    QCOMPARE(int(files.size()), 64);
    auto stored = storeFiles(pacs.node, files);
    QVERIFY2(stored, stored ? "" : stored.error().describe().c_str());

    // Query and retrieve, as "Open from PACS…" does.
    auto studies = findStudies(pacs.node, StudyQuery{"PAT-7", "", "", "", "MR"});
    QVERIFY2(studies.ok(), studies.ok() ? "" : studies.error().describe().c_str());
    QCOMPARE(int(studies->size()), 1);
    QCOMPARE(studies->front().studyUid, std::string(kStudy));
    auto series = findSeries(pacs.node, kStudy);
    QVERIFY(series.ok());
    QCOMPARE(int(series->size()), 4);
    int progressCalls = 0;
    for (const auto& s : *series) {
      auto got = retrieveSeries(pacs.node, kStudy, s.seriesUid, root + "/workspace/pacs/" + s.seriesUid, [&](int, int) { return ++progressCalls > 0; });
      QVERIFY2(got.ok(), got.ok() ? "" : got.error().describe().c_str());
      QCOMPARE(int(got->size()), 16);
    }
    QCOMPARE(progressCalls, 64);
    // Retrieved again into the same folder: what is there is kept; a link planted under an
    // instance's name is refused by name and the file it points to stays as it was.
    {
      const SeriesMatch& s = series->front();
      const std::string folder = root + "/workspace/pacs/" + s.seriesUid;
      auto again = retrieveSeries(pacs.node, kStudy, s.seriesUid, folder);
      QVERIFY2(again.ok() && again->size() == 16, again.ok() ? "" : again.error().describe().c_str());
      const std::string planted = again->front(), precious = root + "/precious.txt";
      std::ofstream(precious) << "a user's file";
      QVERIFY(std::filesystem::remove(planted));
      std::filesystem::create_symlink(precious, planted);
      auto refused = retrieveSeries(pacs.node, kStudy, s.seriesUid, folder);
      QVERIFY(!refused.ok());
      QVERIFY2(refused.error().describe().find("in the way") != std::string::npos, refused.error().describe().c_str());
      std::ifstream in(precious);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      QCOMPARE(text, std::string("a user's file"));
      QVERIFY(std::filesystem::remove(planted));
      QVERIFY(retrieveSeries(pacs.node, kStudy, s.seriesUid, folder).ok());  // the missing file written anew
    }

    // Imported as a case and segmented by the model.
    auto scan = scanDicomFolder(root + "/workspace/pacs");
    QVERIFY(scan.ok());
    auto imported = importDicomCase(suggestedChoices(*scan), root + "/workspace/cases/P001", FrameRule::Refuse);
    QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().describe().c_str());
    const QString cases = dir.path() + "/workspace/cases", pred = dir.path() + "/workspace/pred";
    auto inferred = tissnet({"infer", "--run", run, "--data", cases, "--out", pred, "--cases", "P001", "--threads", "2"});
    QVERIFY2(inferred.code == 0, qPrintable(inferred.err.right(1500)));
    // Another data set than the run's: no warning about the run's split having "changed".
    QVERIFY2(!inferred.err.contains("split changed"), qPrintable(inferred.err));
    const QString mask = pred + "/P001/P001_seg_mask.nii.gz", seg = dir.path() + "/workspace/P001_seg.dcm";
    auto exported = tissnet({"dicom", "export-seg", "--case", cases + "/P001", "--mask", mask, "--out", seg});
    QVERIFY2(exported.code == 0, qPrintable(exported.err));

    // Sent back, found in the PACS beside its source, referencing it, overlaying it exactly.
    auto sent = tissnet({"dicom", "store", "--port", QString::number(pacs.node.port), seg});
    QVERIFY2(sent.code == 0, qPrintable(sent.err));
    auto after = findSeries(pacs.node, kStudy);
    QVERIFY(after.ok());
    QCOMPARE(int(after->size()), 5);
    const SeriesMatch* segSeries = nullptr;
    for (const auto& s : *after)
      if (s.modality == "SEG") segSeries = &s;
    QVERIFY(segSeries);
    auto back = retrieveSeries(pacs.node, kStudy, segSeries->seriesUid, root + "/workspace/seg-back");
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().describe().c_str());
    QCOMPARE(int(back->size()), 1);
    auto reference = caseReferenceSeries(root + "/workspace/cases/P001");
    QVERIFY(reference.ok());
    QCOMPARE(referencedSeries(back->front()), std::string("1.2.3.77.1"));
    QCOMPARE(reference->seriesUid, std::string("1.2.3.77.1"));
    auto want = readVolume(mask.toStdString());
    auto overlay = readDicomSeg(back->front(), want->geometry);
    QVERIFY2(overlay.ok(), overlay.ok() ? "" : overlay.error().describe().c_str());
    QVERIFY(overlay->voxels == want->voxels);
    const long tumor = long(std::count(want->voxels.begin(), want->voxels.end(), 1.f));
    QVERIFY2(tumor > 0 && tumor < want->geometry.voxelCount(), "the model's mask is empty or full: the overlay would prove little");
    qInfo("the SEG from the PACS: %ld of %ld voxels tumor, equal to the mask", tumor, want->geometry.voxelCount());
  }

  // A PACS that speaks DICOM TLS only: reached over TLS when its certificate is trusted, refused
  // when another certificate is the trusted one, and a plain connection gets no answer.
  void tlsOnlyPacs() {
    QTemporaryDir dir;
    const QString openssl = QStandardPaths::findExecutable("openssl");
    if (openssl.isEmpty()) QSKIP("openssl is not installed: no certificate for the TLS PACS");
    for (const QString name : {"pacs", "other"}) {
      QProcess p;
      p.start(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout",
                        dir.filePath(name + ".key"), "-out", dir.filePath(name + ".crt")});
      QVERIFY(p.waitForFinished(60000) && p.exitCode() == 0);
    }
    const std::string crt = dir.filePath("pacs.crt").toStdString(), key = dir.filePath("pacs.key").toStdString();
    test::Orthanc pacs;
    pacs.node.tls = true;
    pacs.node.tlsTrustedCertificates = crt;
    const std::string tls = "\"DicomTlsEnabled\": true, \"DicomTlsCertificate\": \"" + crt + "\", \"DicomTlsPrivateKey\": \"" + key +
                            "\", \"DicomTlsTrustedCertificates\": \"" + crt + "\", \"DicomTlsRemoteCertificateRequired\": false";
    if (const QString why = pacs.start(dir.path(), tls); !why.isEmpty()) QSKIP(qPrintable("no TLS PACS here: " + why));
    QVERIFY(echoDicomNode(pacs.node));
    auto studies = findStudies(pacs.node, StudyQuery{});
    QVERIFY2(studies.ok(), studies.ok() ? "" : studies.error().describe().c_str());
    DicomNode plain = pacs.node;
    plain.tls = false;
    plain.timeoutSeconds = 5;
    QVERIFY(!echoDicomNode(plain));
    DicomNode wrongTrust = pacs.node;
    wrongTrust.tlsTrustedCertificates = dir.filePath("other.crt").toStdString();
    auto refused = echoDicomNode(wrongTrust);
    QVERIFY(!refused);
    QVERIFY2(refused.error().describe().find("(TLS)") != std::string::npos, refused.error().describe().c_str());
    // The command line reaches it too.
    auto echo = tissnet({"dicom", "echo", "--port", QString::number(pacs.node.port), "--tls", "--tls-trusted", dir.filePath("pacs.crt")});
    QVERIFY2(echo.code == 0, qPrintable(echo.err));
  }
};

QTEST_GUILESS_MAIN(TestPacsOrthanc)
#include "test_pacs_orthanc.moc"
