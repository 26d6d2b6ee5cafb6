// Data sets as researchers download them, opened with no manifest: phantom cases renamed and
// converted into each layout (BraTS 2020 .nii, BraTS 2023-2025, nnU-Net v2), then detection,
// the modality mapping, the label rules and a broken case named with its file.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

#include "nifti4d.h"
#include "test_support.h"
#include "tiss/data/check.h"
#include "tiss/data/dataset.h"
#include "tiss/io/image_io.h"

using namespace tiss;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kBratsKeys{"t1", "t1ce", "t2", "flair", "seg"};

// Copies `key` of BraTS case `id` under `from` to `to`, through ITK (so the format may change),
// with label 4 mapped to `label4`.
void convert(const QString& from, const std::string& id, const std::string& key, const std::string& to, float label4 = 4) {
  auto v = readVolume(testsupport::path(from, QString::fromStdString(id + "/" + id + "_" + key + ".nii.gz")));
  QVERIFY(v.ok());
  for (float& x : v->voxels)
    if (x == 4) x = label4;
  fs::create_directories(fs::path(to).parent_path());
  QVERIFY(writeVolume(*v, to).ok());
}

Volume phantomVolume(const QString& from, const std::string& id, const std::string& key) {
  auto v = readVolume(testsupport::path(from, QString::fromStdString(id + "/" + id + "_" + key + ".nii.gz")));
  return v ? *v : Volume();
}

std::vector<std::string> phantomIds(int n) {
  std::vector<std::string> ids;
  for (int i = 1; i <= n; ++i) ids.push_back("BraTS20_Phantom_00" + std::to_string(i));
  return ids;
}

bool problemNames(const std::vector<CaseReport>& reports, const std::string& id, const std::string& text) {
  for (const auto& r : reports)
    if (r.id == id)
      for (const auto& p : r.problems)
        if (p.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

class TestLayouts : public QObject {
  Q_OBJECT
  QTemporaryDir phantom_;

 private slots:
  void initTestCase() { testsupport::writePhantom(phantom_.path(), PhantomLayout::Brats, 3, 7, {32, 32, 12}); }

  void brats2020UncompressedNifti() {
    QTemporaryDir dir;
    for (const auto& id : phantomIds(3))
      for (const auto& key : kBratsKeys) convert(phantom_.path(), id, key, testsupport::path(dir.path(), QString::fromStdString(id + "/" + id + "_" + key + ".nii")));
    auto d = openDataset(dir.path().toStdString());
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().describe().c_str());
    QCOMPARE(d->manifest.layout, std::string("brats"));
    QCOMPARE(d->manifest.relativePath("flair", "X"), std::string("X/X_flair.nii"));
    const auto reports = checkDataset(*d);
    QCOMPARE(reports.size(), size_t(3));
    for (const auto& r : reports) QVERIFY2(r.ok(), r.problems.empty() ? "" : r.problems.front().c_str());
    // A broken case: a label value BraTS 2020 does not have, named with the file.
    const auto id = phantomIds(3)[1];
    convert(phantom_.path(), id, "seg", testsupport::path(dir.path(), QString::fromStdString(id + "/" + id + "_seg.nii")), 3);
    QVERIFY(problemNames(checkDataset(*d), id, id + "_seg.nii: unexpected label values 3"));
  }

  void brats2023MapsItsSequencesAndLabels() {
    QTemporaryDir dir;
    const std::map<std::string, std::string> names{{"t1", "t1n"}, {"t1ce", "t1c"}, {"t2", "t2w"}, {"flair", "t2f"}, {"seg", "seg"}};
    int n = 0;
    for (const auto& id : phantomIds(3)) {
      const std::string to = "BraTS-GLI-0000" + std::to_string(++n) + "-000";
      for (const auto& [key, name] : names)
        convert(phantom_.path(), id, key, testsupport::path(dir.path(), QString::fromStdString(to + "/" + to + "-" + name + ".nii.gz")),
                n == 3 ? 4 : 3);  // the third keeps a BraTS 2020 label 4: not valid in 2023
    }
    auto d = openDataset(dir.path().toStdString());
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().describe().c_str());
    QCOMPARE(d->manifest.layout, std::string("brats2023"));
    QCOMPARE(d->manifest.task.name, std::string("glioma"));
    QCOMPARE(d->manifest.task.target, std::string("flair"));
    QCOMPARE(d->manifest.names.at("flair"), std::string("t2f"));
    QCOMPARE(d->manifest.task.labelValues, (std::vector<int>{0, 1, 2, 3}));
    const std::string line = describeLayout(d->manifest);
    QVERIFY2(line.find("t1 = t1n") != std::string::npos && line.find("target flair = t2f") != std::string::npos, line.c_str());
    const auto reports = checkDataset(*d);
    QVERIFY(reports[0].ok() && reports[1].ok());
    QVERIFY(problemNames(reports, "BraTS-GLI-00003-000", "-seg.nii.gz"));  // value 4, named with the file
    // A broken case: its FLAIR cut short is reported with the file's name.
    const std::string t2f = testsupport::path(dir.path(), "BraTS-GLI-00002-000/BraTS-GLI-00002-000-t2f.nii.gz");
    fs::resize_file(t2f, 200);
    QVERIFY(problemNames(checkDataset(*d), "BraTS-GLI-00002-000", "-t2f.nii.gz"));
  }

  void nnunetRawDataset() {
    QTemporaryDir dir;
    const QString root = dir.path() + "/Dataset042_Phantom";
    const std::vector<std::string> keys{"t1", "t1ce", "t2", "flair"};
    int n = 0;
    for (const auto& id : phantomIds(3)) {
      char c[32];
      std::snprintf(c, sizeof c, "PHANTOM_%03d", ++n);
      for (size_t ch = 0; ch < keys.size(); ++ch)
        convert(phantom_.path(), id, keys[ch], testsupport::path(root, QString::asprintf("imagesTr/%s_%04zu.nii.gz", c, ch)));
      convert(phantom_.path(), id, "seg", testsupport::path(root, QString::asprintf("labelsTr/%s.nii.gz", c)));
    }
    std::ofstream(testsupport::path(root, "dataset.json"))
        << R"({"channel_names": {"0": "T1", "1": "T1ce", "2": "T2", "3": "FLAIR"},
              "labels": {"background": 0, "NCR": 1, "ED": 2, "ET": 4}, "numTraining": 3, "file_ending": ".nii.gz"})";
    auto d = openDataset(root.toStdString());
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().describe().c_str());
    QCOMPARE(d->manifest.layout, std::string("nnunet"));
    QCOMPARE(d->cases.size(), size_t(3));
    QCOMPARE(d->cases[0].id, std::string("PHANTOM_001"));
    QCOMPARE(d->manifest.task.target, std::string("flair"));
    QCOMPARE(d->manifest.relativePath("flair", "PHANTOM_001"), std::string("imagesTr/PHANTOM_001_0003.nii.gz"));
    QCOMPARE(d->manifest.task.labelValues, (std::vector<int>{0, 1, 2, 4}));
    auto reports = checkDataset(*d);
    for (const auto& r : reports) QVERIFY2(r.ok(), r.problems.empty() ? "" : r.problems.front().c_str());
    QVERIFY(QFile::remove(root + "/imagesTr/PHANTOM_002_0002.nii.gz"));
    QVERIFY(problemNames(checkDataset(*d), "PHANTOM_002", "PHANTOM_002_0002.nii.gz"));
  }

  void nnunetOtherChannelsAreSegmentationOnly() {
    QTemporaryDir dir;
    convert(phantom_.path(), phantomIds(1)[0], "t2", testsupport::path(dir.path(), "imagesTr/la_001_0000.nii.gz"));
    convert(phantom_.path(), phantomIds(1)[0], "seg", testsupport::path(dir.path(), "labelsTr/la_001.nii.gz"), 1);
    std::ofstream(testsupport::path(dir.path(), "dataset.json"))
        << R"({"name": "LeftAtrium", "channel_names": {"0": "MRI"}, "labels": {"background": 0, "atrium": 1}, "file_ending": ".nii.gz"})";
    auto d = openDataset(dir.path().toStdString());
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().describe().c_str());
    QCOMPARE(d->manifest.task.sources, (std::vector<std::string>{"mri"}));
    QVERIFY(d->manifest.task.target.empty());
    QVERIFY(describeLayout(d->manifest).find("segmentation only") != std::string::npos);
  }

  void msdTask01FourDimensionalImages() {
    QTemporaryDir dir;
    const QString root = dir.path() + "/Task01_BrainTumour";
    const std::vector<std::string> order{"flair", "t1", "t1ce", "t2"};  // MSD's channels 0-3
    const auto ids = phantomIds(3);
    for (size_t i = 0; i < ids.size(); ++i) {
      std::vector<Volume> channels;
      for (const auto& k : order) channels.push_back(phantomVolume(phantom_.path(), ids[i], k));
      const std::string name = "BRATS_00" + std::to_string(i + 1) + ".nii.gz";
      testsupport::writeStacked(channels, testsupport::path(root, QString::fromStdString((i < 2 ? "imagesTr/" : "imagesTs/") + name)));
      if (i < 2) convert(phantom_.path(), ids[i], "seg", testsupport::path(root, QString::fromStdString("labelsTr/" + name)), 3);
    }
    std::ofstream(testsupport::path(root, "imagesTr/._BRATS_001.nii.gz")) << "macOS resource fork";
    std::ofstream(testsupport::path(root, "dataset.json"))
        << R"({"name": "BRATS", "modality": {"0": "FLAIR", "1": "T1w", "2": "t1gd", "3": "T2w"},
              "labels": {"0": "background", "1": "edema", "2": "non-enhancing tumor", "3": "enhancing tumour"},
              "numTraining": 2, "numTest": 1,
              "training": [{"image": "./imagesTr/BRATS_001.nii.gz", "label": "./labelsTr/BRATS_001.nii.gz"},
                           {"image": "./imagesTr/BRATS_002.nii.gz", "label": "./labelsTr/BRATS_002.nii.gz"}],
              "test": ["./imagesTs/BRATS_003.nii.gz"]})";
    auto d = openDataset(root.toStdString());
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().describe().c_str());
    QCOMPARE(d->manifest.layout, std::string("msd"));
    QCOMPARE(d->manifest.task.name, std::string("glioma"));
    QCOMPARE(d->manifest.names.at("t1ce"), std::string("t1gd (channel 2)"));
    QCOMPARE(d->manifest.task.labelValues, (std::vector<int>{0, 1, 2, 3}));
    QCOMPARE(d->cases.size(), size_t(3));  // two training cases, one from imagesTs; no "._" file
    // Each key reads its own channel: t1ce is channel 2, equal to the phantom's t1ce.
    auto t1ce = readVolume(d->cases[0].paths.at("t1ce"));
    QVERIFY2(t1ce.ok(), t1ce.ok() ? "" : t1ce.error().describe().c_str());
    QVERIFY(t1ce->voxels == phantomVolume(phantom_.path(), ids[0], "t1ce").voxels);
    auto header = readHeader(d->cases[0].paths.at("flair"));
    QVERIFY(header.ok() && header->dimensions == 3 && header->geometry.size == t1ce->geometry.size);
    // The imagesTs case: images only, no label by design, never in the split.
    const CaseFiles* held = d->find("BRATS_003");
    QVERIFY(held && held->heldOut && !held->paths.count("seg") && held->paths.count("flair"));
    QVERIFY(d->split.partOf("BRATS_003") == SplitPart::Unassigned);
    auto reports = checkDataset(*d);
    for (const auto& r : reports) QVERIFY2(r.ok(), r.problems.empty() ? "" : (r.id + ": " + r.problems.front()).c_str());
    // A whole 4D file is still refused where no layout names its channels.
    QVERIFY(!readVolume(testsupport::path(root, "imagesTr/BRATS_001.nii.gz")).ok());
    // A broken case: a 3D file where the layout wants 4D channels, named with the file.
    convert(phantom_.path(), ids[1], "t2", testsupport::path(root, "imagesTr/BRATS_002.nii.gz"));
    QVERIFY(problemNames(checkDataset(*d), "BRATS_002", "BRATS_002.nii.gz: is a 3D image"));
  }

  void nnunetTestImagesAreHeldOut() {
    QTemporaryDir dir;
    const auto ids = phantomIds(2);
    for (int ch = 0; ch < 4; ++ch) {
      const std::string key = std::vector<std::string>{"t1", "t1ce", "t2", "flair"}[size_t(ch)];
      convert(phantom_.path(), ids[0], key, testsupport::path(dir.path(), QString::asprintf("imagesTr/A_%04d.nii.gz", ch)));
      convert(phantom_.path(), ids[1], key, testsupport::path(dir.path(), QString::asprintf("imagesTs/B_%04d.nii.gz", ch)));
    }
    convert(phantom_.path(), ids[0], "seg", testsupport::path(dir.path(), "labelsTr/A.nii.gz"));
    std::ofstream(testsupport::path(dir.path(), "dataset.json"))
        << R"({"channel_names": {"0": "T1", "1": "T1ce", "2": "T2", "3": "FLAIR"}, "labels": {"background": 0, "a": 1, "b": 2, "c": 4}, "file_ending": ".nii.gz"})";
    auto d = openDataset(dir.path().toStdString());
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().describe().c_str());
    QCOMPARE(d->cases.size(), size_t(2));
    QVERIFY(d->find("B") && d->find("B")->heldOut);
    QCOMPARE(d->find("B")->paths.at("flair"), testsupport::path(dir.path(), "imagesTs/B_0003.nii.gz"));
    QCOMPARE(d->split.ids(SplitPart::Train).size() + d->split.ids(SplitPart::Val).size() + d->split.ids(SplitPart::Test).size(), size_t(1));
    for (const auto& r : checkDataset(*d)) QVERIFY2(r.ok(), r.problems.empty() ? "" : r.problems.front().c_str());
  }

  void retargetForBrasyn() {
    Manifest m;
    m.task = gliomaTask();
    m.names = {{"t1ce", "t1c"}, {"flair", "t2f"}};
    auto t = retarget(m, "t1c");  // the layout's own name
    QVERIFY(t.ok());
    QCOMPARE(t->target, std::string("t1ce"));
    QCOMPARE(t->sources, (std::vector<std::string>{"t1", "t2", "flair"}));
    QCOMPARE(retarget(m, "")->target, std::string("flair"));
    auto bad = retarget(m, "dwi");
    QVERIFY(!bad.ok() && bad.error().message.find("dwi") != std::string::npos && bad.error().message.find("t1ce") != std::string::npos);
  }

  void malformedDatasetJsonIsNamed() {
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath("imagesTr"));
    // Wrong shapes and wrong value types: each named, none escaping as an exception.
    for (const char* body : {R"({"channel_names": ["T1"]})", R"({"channel_names": {"0": 7}})",
                             R"({"channel_names": {"0": "T1"}, "file_ending": 5})",
                             R"({"channel_names": {"0": "T1"}, "name": 3})", R"({"channel_names": {"99999": "T1"}})",
                             "not json"}) {
      std::ofstream(testsupport::path(dir.path(), "dataset.json"), std::ios::trunc) << body;
      auto d = openDataset(dir.path().toStdString());
      QVERIFY2(!d.ok(), body);
      QVERIFY2(d.error().file.find("dataset.json") != std::string::npos, body);
    }
  }

  void unknownLayoutListsTheKnownOnes() {
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath("case1"));
    auto d = openDataset(dir.path().toStdString());
    QVERIFY(!d.ok());
    QVERIFY(d.error().message.find("nnU-Net") != std::string::npos);
    QVERIFY(d.error().message.find("tissnet manifest") != std::string::npos);
  }
};

QTEST_APPLESS_MAIN(TestLayouts)
#include "test_layouts.moc"
