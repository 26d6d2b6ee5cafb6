// Cross-validation folds: disjoint validation parts covering every foldable case once, the
// fixed test set and held-out cases outside every fold, nnU-Net's file format, and a run's
// split for its fold.
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "test_support.h"
#include "tiss/data/folds.h"

using namespace tiss;
namespace fs = std::filesystem;

class TestFolds : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void foldsAreDisjointAndCoverEveryCase() {
    std::vector<std::string> ids;
    for (int i = 0; i < 23; ++i) ids.push_back("case" + std::to_string(i));
    const auto folds = drawFolds(ids, 5, 7);
    QCOMPARE(folds.size(), size_t(5));
    std::multiset<std::string> validated;
    for (const auto& f : folds) {
      QVERIFY(f.val.size() == 4 || f.val.size() == 5);  // 23 = 5 + 5 + 5 + 4 + 4
      QCOMPARE(f.train.size() + f.val.size(), ids.size());
      for (const auto& id : f.val) QVERIFY(!std::count(f.train.begin(), f.train.end(), id));
      validated.insert(f.val.begin(), f.val.end());
    }
    QCOMPARE(validated, std::multiset<std::string>(ids.begin(), ids.end()));  // each case validated exactly once
    // The same seed gives the same folds whatever the input order; another seed others.
    std::vector<std::string> reversed(ids.rbegin(), ids.rend());
    QCOMPARE(drawFolds(reversed, 5, 7)[2].val, folds[2].val);
    QVERIFY(drawFolds(ids, 5, 8)[0].val != folds[0].val);
    QVERIFY(drawFolds(ids, 1, 7).empty() && drawFolds(ids, 24, 7).empty());
  }

  void testSetAndHeldOutCasesStayOutAndTheFileIsNnunets() {
    QTemporaryDir dir;
    testsupport::writePhantom(dir.path(), PhantomLayout::Brats, 6, 1, {16, 16, 8});
    auto d = openDataset(dir.path().toStdString());
    QVERIFY(d.ok());
    // A fixed test set of two cases in split.json.
    Split fixed;
    for (const auto& c : d->cases) fixed.assignment[c.id] = SplitPart::Train;
    fixed.assignment["BraTS20_Phantom_002"] = fixed.assignment["BraTS20_Phantom_005"] = SplitPart::Test;
    QVERIFY(writeSplit(fixed, testsupport::path(dir.path(), "split.json")).ok());
    d = openDataset(dir.path().toStdString());
    QVERIFY(d.ok());
    auto ids = foldableIds(*d);
    QCOMPARE(ids.size(), size_t(4));
    QVERIFY(!std::count(ids.begin(), ids.end(), "BraTS20_Phantom_002"));
    const std::string file = testsupport::path(dir.path(), "splits_final.json");
    QVERIFY(writeFolds(drawFolds(ids, 2, 3), file).ok());
    // nnU-Net's format: a list of {"train", "val"}.
    std::ifstream in(file);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    QVERIFY2(text.rfind("[\n  {\n    \"train\": [", 0) == 0, text.c_str());
    auto split = foldSplit(*d, 1);
    QVERIFY2(split.ok(), split.ok() ? "" : split.error().describe().c_str());
    QCOMPARE(split->ids(SplitPart::Test), (std::vector<std::string>{"BraTS20_Phantom_002", "BraTS20_Phantom_005"}));
    QCOMPARE(split->ids(SplitPart::Val).size(), size_t(2));
    QCOMPARE(split->ids(SplitPart::Train).size(), size_t(2));
    QVERIFY(!foldSplit(*d, 2).ok());
    QVERIFY(foldSplit(*d, 2).error().message.find("has 2 folds") != std::string::npos);
    QVERIFY(useFold(*d, 0).ok());
    QCOMPARE(d->split.ids(SplitPart::Val), readFolds(file)->at(0).val);
  }

  void badFoldFilesAreNamed() {
    QTemporaryDir dir;
    auto write = [&](const std::string& text) {
      const std::string file = testsupport::path(dir.path(), "splits_final.json");
      std::ofstream(file) << text;
      return readFolds(file);
    };
    QVERIFY(write(R"([{"train": ["a"], "val": ["b"]}, {"train": ["b"], "val": ["a"]}])").ok());
    auto r = write(R"([{"train": ["a", "b"], "val": ["b"]}])");
    QVERIFY(!r.ok() && r.error().message.find("case b in train and val") != std::string::npos);
    r = write(R"([{"train": [], "val": ["a"]}, {"train": [], "val": ["a"]}])");
    QVERIFY(!r.ok() && r.error().message.find("more than one fold") != std::string::npos);
    r = write(R"([{"train": ["../x"], "val": []}])");
    QVERIFY(!r.ok() && r.error().message.find("'../x'") != std::string::npos);
    QVERIFY(!write("{}").ok() && !write("[1]").ok() && !write("not json").ok());
    QVERIFY(readFolds(testsupport::path(dir.path(), "missing.json")).error().message.find("--folds") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestFolds)
#include "test_folds.moc"
