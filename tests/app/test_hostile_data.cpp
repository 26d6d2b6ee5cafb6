// Data sets as they come from the wild, through the real `tissnet`: case ids "..", "{case}",
// "../../x" and a non-UTF-8 name, case folders linked from a master copy, links planted where
// outputs go, nnU-Net region labels (Dataset137 style) and held-out imagesTs cases. Every
// command that takes a data set ends within a bound, writes nothing outside the folder it was
// given and leaves every source file byte- and inode-identical (the whole tree is compared
// before and after each command).
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "tiss/io/image_io.h"

using testsupport::Run;
using testsupport::tissnet;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kKeys{"t1", "t1ce", "t2", "flair"};
const std::string kBadName = "bad\xff";  // not UTF-8

struct Entry {
  uintmax_t size = 0;
  ino_t inode = 0;
  std::string content;  // files: their bytes; links: their target
  bool operator==(const Entry& o) const { return size == o.size && inode == o.inode && content == o.content; }
};

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every file, folder and link under `root` (links not followed), but the paths in `skip`.
std::map<std::string, Entry> snapshot(const fs::path& root, const std::vector<fs::path>& skip) {
  std::map<std::string, Entry> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const fs::path p = it->path();
    if (std::any_of(skip.begin(), skip.end(), [&](const fs::path& s) { return p == s; })) {
      it.disable_recursion_pending();
      continue;
    }
    struct stat st {};
    ::lstat(p.c_str(), &st);
    Entry e{uintmax_t(st.st_size), st.st_ino, {}};
    if (S_ISLNK(st.st_mode)) e.content = "-> " + fs::read_symlink(p).string();
    else if (S_ISREG(st.st_mode)) e.content = readAll(p);
    else e.size = 0;  // a folder's size changes with its entries' names, not its contents
    out[fs::relative(p, root).string()] = e;
  }
  return out;
}

// What differs between two snapshots, for the failure message.
QString differences(const std::map<std::string, Entry>& before, const std::map<std::string, Entry>& after) {
  QStringList diff;
  for (const auto& [path, e] : after)
    if (!before.count(path)) diff << "new " + QString::fromStdString(path);
    else if (!(before.at(path) == e)) diff << "changed " + QString::fromStdString(path);
  for (const auto& [path, e] : before)
    if (!after.count(path)) diff << "removed " + QString::fromStdString(path);
  return diff.join("; ");
}

nlohmann::json parseJson(const std::string& text) { return nlohmann::json::parse(text, nullptr, false); }

bool copyCase(const fs::path& from, const std::string& fromId, const fs::path& to, const std::string& toId) {
  std::error_code ec;
  fs::create_directories(to, ec);
  for (const char* key : {"t1", "t1ce", "t2", "flair", "seg"})
    if (!fs::copy_file(from / (fromId + "_" + key + ".nii.gz"), to / (toId + "_" + key + ".nii.gz"), ec)) return false;
  return true;
}

// The case's channels as nnU-Net names them (CASE_0000..0003) and its label with BraTS
// 2021's values (4 -> 3), as nnU-Net's Dataset137 conversion writes them.
bool writeNnunetCase(const fs::path& master, const std::string& masterId, const fs::path& root, const std::string& folder,
                     const std::string& id, bool label, bool withFlair) {
  std::error_code ec;
  fs::create_directories(root / folder, ec);
  for (size_t ch = 0; ch < kKeys.size(); ++ch) {
    if (ch == 3 && !withFlair) continue;
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, "_%04d.nii.gz", int(ch));
    if (!fs::copy_file(master / masterId / (masterId + "_" + kKeys[ch] + ".nii.gz"), root / folder / (id + suffix), ec)) return false;
  }
  if (!label) return true;
  auto v = tiss::readVolume((master / masterId / (masterId + "_seg.nii.gz")).string());
  if (!v) return false;
  for (float& x : v->voxels) x = x == 4 ? 3 : x;
  return tiss::writeVolume(*v, (root / "labelsTr" / (id + ".nii.gz")).string()).ok();
}

void writeDataset137Json(const fs::path& root) {
  fs::create_directories(root);
  const nlohmann::json j = {{"channel_names", {{"0", "T1"}, {"1", "T1ce"}, {"2", "T2"}, {"3", "Flair"}}},
                            {"labels", {{"background", 0}, {"whole tumor", {1, 2, 3}}, {"tumor core", {2, 3}}, {"enhancing tumor", {3}}}},
                            {"regions_class_order", {1, 2, 3}}, {"numTraining", 3}, {"file_ending", ".nii.gz"}};
  std::ofstream(root / "dataset.json") << j.dump(2);
}

QStringList tinyTraining() {
  return {"--preset", "cpu-small", "--set", "stage=tissnet", "--set", "loss.lambda_p=0", "--set", "net.channels=[4,8,8,16,16]", "--set", "net.disc_channels=4",
          "--set", "data.patch=16x32x32", "--set", "optim.iterations_per_epoch=2", "--set", "optim.epochs_constant=1",
          "--set", "optim.epochs_decay=0", "--set", "validation.every=0", "--set", "checkpoint.every=2", "--threads", "2"};
}

}  // namespace

class TestHostileData : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  fs::path root_, master_;
  std::string ids_[4];

  QString p(const std::string& rel) const { return QString::fromStdString((root_ / rel).string()); }

  // Runs tissnet within `bound` seconds; checks that nothing outside `allowed` changed.
  Run confined(const QStringList& args, const std::vector<std::string>& allowed, int bound = 300) {
    std::vector<fs::path> skip{root_ / "runs"};
    for (const auto& a : allowed) skip.push_back(root_ / a);
    const auto before = snapshot(root_, skip);
    const Run r = tissnet(args, bound * 1000);
    const auto after = snapshot(root_, skip);
    const QString diff = differences(before, after);
    if (!diff.isEmpty()) QTest::qFail(qPrintable("tissnet " + args.join(' ') + " wrote outside its folder: " + diff), __FILE__, __LINE__);
    if (r.code == -1) QTest::qFail(qPrintable("tissnet " + args.join(' ') + " did not end within the bound"), __FILE__, __LINE__);
    return r;
  }

 private Q_SLOTS:
  void initTestCase() {
    root_ = dir_.path().toStdString();
    master_ = root_ / "master";
    Run r = tissnet({"phantom", "--cases", "4", "--size", "16x48x48", "--seed", "4", "--out", p("master")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    for (int i = 0; i < 4; ++i) ids_[i] = "BraTS20_Phantom_00" + std::to_string(i + 1);
    // hostile/: BraTS 2020 naming; two case folders linked from the master copy, one case
    // named "{case}", one with a name that is not UTF-8.
    const fs::path hostile = root_ / "hostile";
    fs::create_directories(hostile);
    for (int i = 0; i < 2; ++i) fs::create_directory_symlink(master_ / ids_[i], hostile / ids_[i]);
    QVERIFY(copyCase(master_ / ids_[2], ids_[2], hostile / "{case}", "{case}"));
    QVERIFY(copyCase(master_ / ids_[3], ids_[3], hostile / kBadName, kBadName));
    // nn/: nnU-Net v2 with region labels; ids "A", "{case}" and ".."; held-out "Ts_001".
    const fs::path nn = root_ / "nn", nnDropped = root_ / "nn-dropped";
    for (const auto& [root, flair] : {std::pair{nn, true}, std::pair{nnDropped, false}}) {
      writeDataset137Json(root);
      QVERIFY(writeNnunetCase(master_, ids_[0], root, "imagesTr", "A", true, flair));
      QVERIFY(writeNnunetCase(master_, ids_[1], root, "imagesTr", "{case}", true, flair));
      QVERIFY(writeNnunetCase(master_, ids_[2], root, "imagesTr", "..", true, flair));
      QVERIFY(writeNnunetCase(master_, ids_[3], root, "imagesTs", "Ts_001", false, flair));
    }
    // files/: a manifest (layout "files") listing "../../x" beside a valid case.
    const fs::path files = root_ / "files";
    fs::create_directories(files);
    nlohmann::json patterns;
    for (const char* key : {"t1", "t1ce", "t2", "flair"})
      patterns[key] = (master_ / ids_[0] / (ids_[0] + "_" + key + ".nii.gz")).string();
    std::ofstream(files / "manifest.json") << nlohmann::json{{"layout", "files"}, {"cases", {"../../x", "ok"}}, {"patterns", patterns},
                                                              {"task", {{"name", "glioma"}, {"sources", {"t1", "t1ce", "t2"}}, {"target", "flair"}}}}
                                                  .dump(2);
    fs::create_directories(root_ / "out");
  }

  // Training reads the data set and writes only its run folder (the preprocessed cache goes
  // to the user's cache, never into the data set, which may be read-only).
  void trainWritesOnlyItsRun() {
    QStringList args{"train", "--data", p("hostile"), "--run", p("runs/tiny")};
    const Run r = confined(args + tinyTraining(), {}, 600);
    QVERIFY2(r.code == 0, qPrintable(r.err));
  }

  void checkNamesEveryOddCase() {
    Run r = confined({"check", p("hostile")}, {});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains("bad\\xFF") && r.out.contains("not valid UTF-8"), qPrintable(r.out));
    QVERIFY2(r.out.contains("ok       {case}"), qPrintable(r.out));
    // Region labels: every value of every region is expected, so the valid cases pass.
    r = confined({"check", p("nn")}, {});
    QCOMPARE(r.code, 1);
    QVERIFY2(!r.out.contains("unexpected label"), qPrintable(r.out));
    QVERIFY2(r.out.contains("ok       A") && r.out.contains("ok       {case}") && r.out.contains("case id '..'"), qPrintable(r.out));
    QVERIFY2(r.out.contains("values 0 1 2 3"), qPrintable(r.out));
    r = confined({"check", p("files")}, {});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains("'../../x'") && r.out.contains("ok       ok"), qPrintable(r.out));
  }

  void splitKeepsHeldOutCasesOut() {
    const Run r = confined({"split", p("nn"), "--seed", "3"}, {"nn/split.json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto j = parseJson(readAll(root_ / "nn" / "split.json"));
    QVERIFY(j.is_object());
    std::vector<std::string> all;
    for (const char* part : {"train", "val", "test"})
      for (const auto& id : j[part]) all.push_back(id.get<std::string>());
    std::sort(all.begin(), all.end());
    QCOMPARE(all, (std::vector<std::string>{"A", "{case}"}));
    fs::remove(root_ / "nn" / "split.json");
  }

  void inferWritesOnlyUnderOut() {
    Run r = confined({"infer", "--run", p("runs/tiny"), "--data", p("nn"), "--cases", "all", "--out", p("out/infer-nn"), "--threads", "2"},
                     {"out/infer-nn"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(fs::exists(root_ / "out/infer-nn/{case}/{case}_synth.nii.gz"));
    QVERIFY(fs::exists(root_ / "out/infer-nn/Ts_001/Ts_001_synth.nii.gz"));
    QVERIFY(!fs::exists(root_ / "out/.._synth.nii.gz") && !fs::exists(root_ / "out/infer-nn/.._synth.nii.gz"));
    // An id given on the command line obeys the same rule.
    r = confined({"infer", "--run", p("runs/tiny"), "--data", p("nn"), "--cases", "../../x", "--out", p("out/infer-x")}, {"out/infer-x"});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("--cases") && r.err.contains("../../x"), qPrintable(r.err));
    // A link planted where an output goes (OUT/ok -> a master case folder) is never written through.
    fs::create_directories(root_ / "out/infer-files");
    fs::create_directory_symlink(master_ / ids_[0], root_ / "out/infer-files/ok");
    r = confined({"infer", "--run", p("runs/tiny"), "--data", p("files"), "--cases", "all", "--out", p("out/infer-files"), "--threads", "2"},
                 {"out/infer-files"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("symbolic link"), qPrintable(r.err));
    QVERIFY(fs::is_symlink(root_ / "out/infer-files/ok"));
    QVERIFY(!fs::exists(master_ / ids_[0] / "ok_synth.nii.gz"));
  }

  void evalReadsOddIds() {
    Run r = confined({"infer", "--run", p("runs/tiny"), "--data", p("hostile"), "--cases", "all", "--out", p("out/infer-hostile"),
                      "--threads", "2"},
                     {"out/infer-hostile"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = confined({"eval", "--pred", p("out/infer-hostile"), "--gt", p("hostile"), "--pred-pattern", "{case}/{case}_seg_mask.nii.gz",
                  "--out", p("out/eval.csv")},
                 {"out/eval.csv", "out/eval.csv.json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const std::string csv = readAll(root_ / "out/eval.csv");
    QVERIFY2(csv.find("\n{case},") != std::string::npos, csv.c_str());
  }

  void dropReadsThroughLinksAndWritesOnlyUnderOut() {
    Run r = confined({"brasyn", "drop", "--data", p("hostile"), "--out", p("out/deep/x/drop"), "--seed", "1"}, {"out/deep"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // The linked cases were copied as real files under OUT, named as in the data set.
    QVERIFY(fs::is_directory(root_ / "out/deep/x/drop" / ids_[0]) && !fs::is_symlink(root_ / "out/deep/x/drop" / ids_[0]));
    QVERIFY(fs::exists(root_ / "out/deep/x/drop" / ids_[0] / (ids_[0] + "_t1ce.nii.gz")) ||
            fs::exists(root_ / "out/deep/x/drop" / ids_[0] / (ids_[0] + "_t1.nii.gz")));
    QVERIFY(!fs::exists(root_ / "out/deep/x/master"));
    const auto record = parseJson(readAll(root_ / "out/deep/x/drop/brasyn.json"));
    QVERIFY(record.is_object() && record.contains("status"));
    QCOMPARE(record["status"].get<std::string>(), std::string("done"));
    // The drop of a case depends on its id and the seed only: the same on every platform.
    r = confined({"brasyn", "drop", "--data", p("hostile"), "--out", p("out/drop2"), "--seed", "1"}, {"out/drop2"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(parseJson(readAll(root_ / "out/drop2/brasyn.json"))["dropped"] == record["dropped"]);
  }

  void completeKeepsHeldOutCasesHeldOut() {
    Run r = confined({"complete", "--data", p("nn-dropped"), "--runs", "flair=" + p("runs/tiny"), "--out", p("out/complete"), "--threads", "2"},
                     {"out/complete"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(fs::exists(root_ / "out/complete/imagesTs/Ts_001_0003.nii.gz"));
    QVERIFY(!fs::exists(root_ / "out/complete/imagesTr/Ts_001_0003.nii.gz"));
    QVERIFY(fs::exists(root_ / "out/complete/imagesTr/{case}_0003.nii.gz"));
    QVERIFY(fs::exists(root_ / "out/complete/completed.json"));
    // An unfinished drop (its record says running) is refused by name.
    fs::create_directories(root_ / "out/killed-drop");
    fs::copy(root_ / "nn-dropped", root_ / "out/killed-drop", fs::copy_options::recursive);
    std::ofstream(root_ / "out/killed-drop/brasyn.json") << R"({"status": "running", "dropped": {}})";
    r = confined({"complete", "--data", p("out/killed-drop"), "--runs", "flair=" + p("runs/tiny"), "--out", p("out/complete2")}, {"out/complete2"});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("brasyn.json") && r.err.contains("did not finish"), qPrintable(r.err));
  }

  void exportRefusesAnUnfinishedCompleteAndKeepsHeldOut() {
    // A copy of complete's output without its record, as a killed complete leaves it.
    fs::copy(root_ / "out/complete", root_ / "out/unfinished", fs::copy_options::recursive);
    fs::remove(root_ / "out/unfinished/completed.json");
    Run r = confined({"export", "nnunet", "--data", p("nn"), "--completed", p("out/unfinished"), "--out", p("out/Dataset002_X")},
                     {"out/Dataset002_X"});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("completed.json"), qPrintable(r.err));
    r = confined({"export", "nnunet", "--data", p("nn"), "--completed", p("out/complete"), "--out", p("out/Dataset001_Hostile")},
                 {"out/Dataset001_Hostile"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(fs::exists(root_ / "out/Dataset001_Hostile/imagesTs/Ts_001_0000.nii.gz"));
    QVERIFY(!fs::exists(root_ / "out/Dataset001_Hostile/imagesTr/Ts_001_0000.nii.gz"));
    QVERIFY(fs::exists(root_ / "out/Dataset001_Hostile/labelsTr/{case}.nii.gz"));
    r = confined({"brasyn", "eval", "--data", p("nn"), "--completed", p("out/complete"), "--out", p("out/brasyn.csv")},
                 {"out/brasyn.csv", "out/brasyn.md", "out/brasyn.csv.md"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(TestHostileData)
#include "test_hostile_data.moc"
