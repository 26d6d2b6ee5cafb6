// A case opened without a data set: modalities guessed from the names researchers' files
// carry, the files of a folder found, a case id proposed, and the case kept as a one-case
// manifest that openDataset reads like any data set, without touching the user's folder.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

#include "test_support.h"
#include "tiss/data/loose_case.h"

using namespace tiss;
namespace fs = std::filesystem;

class TestLooseCase : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  QStringList filesIn(const QString& dir) { return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name); }

 private Q_SLOTS:
  void modalityGuessedFromCommonNames_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("key");
    const QList<std::pair<const char*, const char*>> rows = {
        {"BraTS20_Training_001_t1.nii.gz", "t1"},       {"BraTS20_Training_001_t1ce.nii.gz", "t1ce"},
        {"BraTS20_Training_001_t2.nii.gz", "t2"},       {"BraTS20_Training_001_flair.nii.gz", "flair"},
        {"BraTS20_Training_001_seg.nii.gz", "seg"},     {"BraTS-GLI-00000-000-t1n.nii.gz", "t1"},
        {"BraTS-GLI-00000-000-t1c.nii.gz", "t1ce"},     {"BraTS-GLI-00000-000-t2w.nii.gz", "t2"},
        {"BraTS-GLI-00000-000-t2f.nii.gz", "flair"},    {"BraTS-GLI-00000-000-seg.nii.gz", "seg"},
        {"sub-01_T1w.nii.gz", "t1"},                    {"sub-01_ce-gadolinium_T1w.nii.gz", "t1ce"},
        {"Patient 7 FLAIR.nii", "flair"},               {"T2.nrrd", "t2"},
        {"T1Gd.mha", "t1ce"},                           {"tumor_mask.nii.gz", "seg"},
        {"dwi.nii.gz", ""},                             {"notes_t1.txt", ""},
    };
    for (const auto& [name, key] : rows) QTest::newRow(name) << QString(name) << QString(key);
  }
  void modalityGuessedFromCommonNames() {
    QFETCH(QString, name);
    QFETCH(QString, key);
    QCOMPARE(QString::fromStdString(guessModality(name.toStdString())), key);
  }

  void vsTaskGetsItsOwnKeys() {
    QCOMPARE(guessModality("VS-SEG-001_ceT1.nii.gz", vsTask()), std::string("ceT1"));
    QCOMPARE(guessModality("VS-SEG-001_T2.nii.gz", vsTask()), std::string("T2"));
    QCOMPARE(guessModality("VS-SEG-001_seg.nii.gz", vsTask()), std::string("seg"));
    QCOMPARE(guessModality("VS-SEG-001_flair.nii.gz", vsTask()), std::string());  // not a vs key
  }

  void folderGivesItsImageFilesAndId() {
    const QString d = dir_.path() + "/Patient_12";
    QVERIFY(QDir().mkpath(d + "/sub"));
    for (const char* f : {"p12_t1.nii.gz", "p12_flair.nii", "README.txt", "._p12_t2.nii.gz", "sub/p12_t2.nii.gz"}) {
      QFile file(d + "/" + f);
      QVERIFY(file.open(QIODevice::WriteOnly));
    }
    auto files = imageFilesOf({d.toStdString()});
    QVERIFY2(files.ok(), files.ok() ? "" : files.error().describe().c_str());
    QCOMPARE(files->size(), size_t(2));
    QCOMPARE(QString::fromStdString(files->at(0)), d + "/p12_flair.nii");
    QCOMPARE(QString::fromStdString(guessCaseId(*files)), QString("Patient_12"));
    // Files from two folders: their names' common start.
    QCOMPARE(guessCaseId({"/a/BraTS20_Training_001_t1.nii.gz", "/b/BraTS20_Training_001_t2.nii.gz"}),
             std::string("BraTS20_Training_001"));
    QCOMPARE(guessCaseId({"/a/x.nii", "/b/y.nii"}), std::string("case"));
  }

  void missingOrEmptyPathsAreNamed() {
    auto none = imageFilesOf({(dir_.path() + "/nowhere").toStdString()});
    QVERIFY(!none.ok());
    QVERIFY(QString::fromStdString(none.error().describe()).contains("nowhere"));
    QVERIFY(QDir().mkpath(dir_.path() + "/empty"));
    auto empty = imageFilesOf({(dir_.path() + "/empty").toStdString()});
    QVERIFY(!empty.ok());
    QVERIFY(QString::fromStdString(empty.error().describe()).contains("no image file"));
  }

  // A clinic case: BraTS files without FLAIR and label, opened from its folder.
  void caseWithoutTargetOpensAsOneCaseDataSet() {
    const QString data = dir_.path() + "/phantom";
    testsupport::writePhantom(data, PhantomLayout::Brats, 1, 3);
    const QString caseDir = data + "/" + QDir(data).entryList(QDir::Dirs | QDir::NoDotAndDotDot).first();
    const QString id = QFileInfo(caseDir).fileName();
    for (const char* key : {"flair", "seg"}) QVERIFY(QFile::remove(caseDir + "/" + id + "_" + key + ".nii.gz"));
    const QStringList before = filesIn(caseDir);

    auto files = imageFilesOf({caseDir.toStdString()});
    QVERIFY(files.ok());
    LooseCase c = guessLooseCase(*files);
    QCOMPARE(QString::fromStdString(c.id), id);
    QCOMPARE(c.files.size(), size_t(3));
    QVERIFY(looseCaseProblems(c).empty());

    const QString kept = dir_.path() + "/workspace/cases/" + id;
    const auto st = writeLooseCase(c, kept.toStdString());
    QVERIFY2(st.ok(), st.ok() ? "" : st.error().describe().c_str());
    auto d = openDataset(kept.toStdString());
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().describe().c_str());
    QCOMPARE(d->manifest.layout, std::string("files"));
    QCOMPARE(d->cases.size(), size_t(1));
    QCOMPARE(QString::fromStdString(d->cases[0].id), id);
    QVERIFY(d->cases[0].heldOut);
    QVERIFY(d->split.assignment.empty());  // never trained or validated on
    QCOMPARE(QString::fromStdString(d->cases[0].paths.at("t1ce")), caseDir + "/" + id + "_t1ce.nii.gz");
    QVERIFY(!d->cases[0].paths.count("flair"));
    QCOMPARE(filesIn(caseDir), before);  // nothing written beside the user's files
    QCOMPARE(filesIn(kept), QStringList{"manifest.json"});
  }

  void whatPreventsOpeningIsSaid() {
    LooseCase c;
    c.id = "../x";
    c.files["flair"] = (dir_.path() + "/gone.nii.gz").toStdString();
    c.files["dwi"] = c.files["flair"];
    const auto problems = looseCaseProblems(c);
    auto said = [&](const char* words) {
      for (const auto& p : problems)
        if (QString::fromStdString(p).contains(words)) return true;
      return false;
    };
    QVERIFY(said("case id '../x'"));
    QVERIFY(said("'dwi' is not a modality of the glioma task"));
    QVERIFY(said("gone.nii.gz: not found"));
    QVERIFY(said("no source image"));
    QVERIFY(!writeLooseCase(c, (dir_.path() + "/never").toStdString()).ok());
    QVERIFY(!QFileInfo::exists(dir_.path() + "/never"));
  }

  void filesManifestWithoutCasesIsNamed() {
    const QString d = dir_.path() + "/broken";
    QVERIFY(QDir().mkpath(d));
    QFile f(d + "/manifest.json");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"layout": "files", "patterns": {"t1": "/x.nii.gz"}, "task": {"sources": ["t1"]}})");
    f.close();
    auto ds = openDataset(d.toStdString());
    QVERIFY(!ds.ok());
    QVERIFY(QString::fromStdString(ds.error().describe()).contains("manifest.json"));
    QVERIFY(QString::fromStdString(ds.error().describe()).contains("\"cases\""));
  }

  // Two patients whose folders are both named "anat" (BIDS) never share a workspace folder:
  // the id names the subject and session, a second case of one id gets a suffix, and keeping
  // the same files again finds the same folder.
  void keptCasesGetUniqueIds() {
    const QString data = dir_.path() + "/bids-source";
    testsupport::writePhantom(data, PhantomLayout::Brats, 2, 8, {16, 16, 8});
    const QStringList ids = QDir(data).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QStringList anat;
    for (int i = 0; i < 2; ++i) {
      const QString folder = dir_.path() + QString("/bids/sub-01/ses-%1/anat").arg(i + 1);
      QVERIFY(QDir().mkpath(folder));
      for (const char* key : {"t1", "t1ce", "t2"})
        QVERIFY(QFile::copy(data + "/" + ids[i] + "/" + ids[i] + "_" + key + ".nii.gz", folder + "/" + ids[i] + "_" + key + ".nii.gz"));
      anat << folder;
    }
    auto first = guessLooseCase(*imageFilesOf({anat[0].toStdString()}));
    QCOMPARE(first.id, std::string("sub-01_ses-1"));
    const std::string root = (dir_.path() + "/ws/cases").toStdString();
    auto a = keepLooseCase(first, root);
    QVERIFY(a.ok());
    QCOMPARE(a->id, std::string("sub-01_ses-1"));
    // Another patient given the same id by hand: a new folder, the first kept as it was.
    auto second = guessLooseCase(*imageFilesOf({anat[1].toStdString()}));
    second.id = "sub-01_ses-1";
    auto b = keepLooseCase(second, root);
    QVERIFY(b.ok());
    QCOMPARE(b->id, std::string("sub-01_ses-1-2"));
    auto reopened = openDataset(root + "/sub-01_ses-1");
    QVERIFY(reopened.ok());
    QCOMPARE(reopened->cases.front().paths.at("t1"), first.files.at("t1"));
    auto other = openDataset(root + "/sub-01_ses-1-2");
    QVERIFY(other.ok() && other->cases.front().id == "sub-01_ses-1-2");
    // The first case kept again: the same folder, no third one.
    auto again = keepLooseCase(first, root);
    QVERIFY(again.ok());
    QCOMPARE(again->id, std::string("sub-01_ses-1"));
    QCOMPARE(QDir(QString::fromStdString(root)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 2);
  }
};

QTEST_GUILESS_MAIN(TestLooseCase)
#include "test_loose_case.moc"
