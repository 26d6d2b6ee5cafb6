#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "test_support.h"
#include "tiss/data/dataset.h"

using namespace tiss;

class TestDataset : public QObject {
  Q_OBJECT
 private slots:
  void splitOfBratsSizeMatchesThePaper() {
    std::vector<std::string> ids;
    for (int i = 0; i < 369; ++i) ids.push_back("case" + std::to_string(i));
    const Split s = drawSplit(ids, 42);
    QCOMPARE(s.ids(SplitPart::Train).size(), size_t(258));
    QCOMPARE(s.ids(SplitPart::Val).size(), size_t(37));
    QCOMPARE(s.ids(SplitPart::Test).size(), size_t(74));
    // Same seed, same split whatever the order of the input; another seed, another split.
    std::vector<std::string> reversed(ids.rbegin(), ids.rend());
    QCOMPARE(drawSplit(reversed, 42).assignment, s.assignment);
    QVERIFY(drawSplit(ids, 43).assignment != s.assignment);
  }
  void splitIsStoredWithTheDataSet() {
    QTemporaryDir dir;
    testsupport::writePhantom(dir.path(), PhantomLayout::Brats, 5, 1, {16, 16, 8});
    auto d = openDataset(dir.path().toStdString());
    QVERIFY(d.ok());
    Split edited = d->split;
    edited.assignment["BraTS20_Phantom_001"] = SplitPart::Test;
    QVERIFY(writeSplit(edited, testsupport::path(dir.path(), "split.json")).ok());
    auto again = openDataset(dir.path().toStdString());
    QVERIFY(again.ok());
    QVERIFY(again->split.partOf("BraTS20_Phantom_001") == SplitPart::Test);
    QCOMPARE(again->split.assignment, edited.assignment);
  }
  void corruptSplitFileIsNamed() {
    QTemporaryDir dir;
    testsupport::writePhantom(dir.path(), PhantomLayout::Brats, 2, 1, {16, 16, 8});
    QFile f(dir.path() + "/split.json");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("{\"train\": [\"a\"], \"test\": [\"a\"]}");
    f.close();
    auto d = openDataset(dir.path().toStdString());
    QVERIFY(!d.ok());
    QVERIFY(d.error().file.find("split.json") != std::string::npos);
    QVERIFY(d.error().message.find("more than one part") != std::string::npos);
  }
  void otherLayoutsNeedAManifestThatCanBeGuessed() {
    QTemporaryDir dir;
    testsupport::writePhantom(dir.path(), PhantomLayout::Vs, 2, 1, {32, 32, 8});
    QVERIFY(QFile::remove(dir.path() + "/manifest.json"));
    auto none = openDataset(dir.path().toStdString());
    QVERIFY(!none.ok());
    QVERIFY(none.error().message.find("tissnet manifest") != std::string::npos);
    auto guess = guessManifest(dir.path().toStdString());
    QVERIFY(guess.ok());
    QCOMPARE(guess->patterns.at("ceT1"), std::string("{case}/{case}_ceT1.nii.gz"));
    QCOMPARE(guess->task.name, std::string("vs"));
    QVERIFY(writeManifest(*guess, testsupport::path(dir.path(), "manifest.json")).ok());
    auto d = openDataset(dir.path().toStdString());
    QVERIFY(d.ok());
    QCOMPARE(d->cases.size(), size_t(2));
    QCOMPARE(d->cases[1].paths.at("T2"), testsupport::path(dir.path(), "VS_Phantom_002/VS_Phantom_002_T2.nii.gz"));
  }
  void customTaskManifestIsValidated() {
    QTemporaryDir dir;
    QDir().mkpath(dir.path() + "/p1");
    QFile f(dir.path() + "/manifest.json");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"patterns": {"dwi": "{case}/dwi.nii.gz", "seg": "{case}/mask.nii.gz"},
               "task": {"name": "custom", "sources": ["dwi"], "target": "adc"}})");
    f.close();
    auto d = openDataset(dir.path().toStdString());
    QVERIFY(!d.ok());
    QVERIFY(d.error().message.find("'adc'") != std::string::npos);
  }
  void missingFolder() {
    auto d = openDataset("/no/such/data");
    QVERIFY(!d.ok());
    QCOMPARE(d.error().file, std::string("/no/such/data"));
  }
};

QTEST_APPLESS_MAIN(TestDataset)
#include "test_dataset.moc"
