// The prepared cache is always right: a manifest edit, a touched source file and a deleted or
// short cache file each rebuild the case; an unchanged case is not rebuilt.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <thread>

#include "test_support.h"
#include "tiss/io/image_io.h"
#include "tiss/preprocessing/prepared_store.h"

using namespace tiss;
namespace fs = std::filesystem;

class TestPreparedStore : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string cache_;
  const std::string id_ = "BraTS20_Phantom_001";

  PreprocessOptions options(const Dataset& d) const {
    PreprocessOptions o = PreprocessOptions::forTask(d.manifest.task);
    o.minSize = {32, 32, 8};
    return o;
  }
  // Prepares the case and returns its cached channel `c` and the data file's change time.
  std::vector<float> cachedChannel(int c) {
    auto d = openDataset(dir_.path().toStdString());
    if (!d || !prepareDataset(*d, {id_}, options(*d), cache_)) return {};
    auto m = MappedCase::open(cache_, id_);
    if (!m) return {};
    return std::vector<float>((*m)->channel(c), (*m)->channel(c) + (*m)->voxels());
  }
  // The channel as a fresh preparation from the files gives it.
  std::vector<float> expectedChannel(int c) {
    auto d = openDataset(dir_.path().toStdString());
    auto p = prepareCase(*d, d->cases.front(), options(*d));
    return p ? p->channels[size_t(c)].voxels : std::vector<float>{};
  }
  fs::file_time_type dataTime() const { return fs::last_write_time(fs::path(cache_) / (id_ + ".f32")); }

 private slots:
  void initTestCase() {
    testsupport::writePhantom(dir_.path(), PhantomLayout::Brats, 2, 8, {48, 48, 24});
    cache_ = testsupport::path(dir_.path(), ".tiss-cache/test");
    QVERIFY(!cachedChannel(0).empty());
  }
  void unchangedCaseIsNotRebuilt() {
    const auto before = dataTime();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    QVERIFY(!cachedChannel(0).empty());
    QVERIFY(dataTime() == before);
  }
  void manifestEditFeedsTheNewChannel() {
    // The third source (t2) now points at the FLAIR file: the cache must follow.
    const auto oldT2 = cachedChannel(2);
    QFile m(dir_.path() + "/manifest.json");
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write(R"({"patterns": {"t1": "{case}/{case}_t1.nii.gz", "t1ce": "{case}/{case}_t1ce.nii.gz",
      "t2": "{case}/{case}_flair.nii.gz", "flair": "{case}/{case}_flair.nii.gz", "seg": "{case}/{case}_seg.nii.gz"},
      "task": {"name": "glioma", "sources": ["t1", "t1ce", "t2"], "target": "flair", "label": "seg", "label_values": [0, 1, 2, 4]}})");
    m.close();
    const auto newT2 = cachedChannel(2);
    QVERIFY(!newT2.empty());
    QVERIFY(newT2 != oldT2);
    QVERIFY(newT2 == cachedChannel(3));  // the FLAIR channel
    QVERIFY(newT2 == expectedChannel(2));
    QVERIFY(QFile::remove(dir_.path() + "/manifest.json"));
    QVERIFY(cachedChannel(2) == oldT2);
  }
  void touchedSourceFileIsReread() {
    // Another case's T1 copied over this one's: same size, new contents and time.
    const std::string t1 = testsupport::path(dir_.path(), QString::fromStdString(id_ + "/" + id_ + "_t1.nii.gz"));
    const std::string other = testsupport::path(dir_.path(), "BraTS20_Phantom_002/BraTS20_Phantom_002_t1.nii.gz");
    const auto before = cachedChannel(0);
    fs::copy_file(other, t1, fs::copy_options::overwrite_existing);
    fs::last_write_time(t1, fs::file_time_type::clock::now() + std::chrono::seconds(2));
    const auto after = cachedChannel(0);
    QVERIFY(after != before);
    QVERIFY(after == expectedChannel(0));
  }
  void deletedOrShortCacheFileIsRebuilt() {
    const auto good = cachedChannel(1);
    const fs::path data = fs::path(cache_) / (id_ + ".f32");
    fs::resize_file(data, fs::file_size(data) / 2);
    QVERIFY(cachedChannel(1) == good);
    fs::remove(data);
    QVERIFY(cachedChannel(1) == good);
    QVERIFY(fs::exists(data));
  }
};

QTEST_APPLESS_MAIN(TestPreparedStore)
#include "test_prepared_store.moc"
