#include <QTemporaryDir>
#include <QTest>

#include "test_support.h"
#include "tiss/preprocessing/patch_sampler.h"

using namespace tiss;

class TestPatchSampler : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string cache_;
  std::vector<std::shared_ptr<const MappedCase>> cases_;

 private slots:
  void initTestCase() {
    testsupport::writePhantom(dir_.path(), PhantomLayout::Brats, 3, 8, {48, 48, 32});
    auto d = openDataset(dir_.path().toStdString());
    QVERIFY(d.ok());
    cache_ = testsupport::path(dir_.path(), ".tiss-cache/test");
    PreprocessOptions o = PreprocessOptions::forTask(d->manifest.task);
    o.minSize = {32, 32, 8};
    std::vector<std::string> ids;
    for (const auto& c : d->cases) ids.push_back(c.id);
    QVERIFY(prepareDataset(*d, ids, o, cache_).ok());
    for (const auto& id : ids) {
      auto m = MappedCase::open(cache_, id);
      QVERIFY(m.ok());
      cases_.push_back(*m);
    }
  }
  void mappedCaseMatchesThePreparedCase() {
    auto d = openDataset(dir_.path().toStdString());
    PreprocessOptions o = PreprocessOptions::forTask(d->manifest.task);
    o.minSize = {32, 32, 8};
    auto p = prepareCase(*d, d->cases[1], o);
    QVERIFY(p.ok());
    const MappedCase& m = *cases_[1];
    QCOMPARE(m.size(), p->channels[0].size());
    QCOMPARE(m.imageChannels(), 4);
    for (int c = 0; c < 4; ++c)
      QVERIFY(std::equal(p->channels[size_t(c)].voxels.begin(), p->channels[size_t(c)].voxels.end(), m.channel(c)));
    QVERIFY(std::equal(p->label.voxels.begin(), p->label.voxels.end(), m.label()));
  }
  void truncatedCacheFileIsRefused() {
    QTemporaryDir other;
    QVERIFY(QFile::copy(QString::fromStdString(cache_ + "/BraTS20_Phantom_001.json"), other.path() + "/BraTS20_Phantom_001.json"));
    QFile f(other.path() + "/BraTS20_Phantom_001.f32");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(100, 0));
    f.close();
    auto m = MappedCase::open(other.path().toStdString(), "BraTS20_Phantom_001");
    QVERIFY(!m.ok());
    QVERIFY(m.error().message.find("truncated") != std::string::npos);
  }
  void streamIsTheSameForAnyNumberOfWorkers() {
    SamplerOptions o;
    o.patch = {32, 32, 8};
    o.seed = 99;
    o.workers = 1;
    PatchSampler one(cases_, o);
    o.workers = 2;
    PatchSampler two(cases_, o);
    for (int i = 0; i < 20; ++i) {
      const Patch a = one.next(), b = two.next();
      QCOMPARE(a.number, uint64_t(i));
      QCOMPARE(a.caseId, b.caseId);
      QCOMPARE(a.corner, b.corner);
      QVERIFY(a.image == b.image);
      QVERIFY(a.label == b.label);
    }
  }
  void patchesHaveTheRequestedShapeAndTumorShare() {
    SamplerOptions o;
    o.patch = {32, 32, 8};
    o.tumorShare = 1.0;
    int withTumor = 0;
    for (uint64_t n = 0; n < 40; ++n) {
      const Patch p = makePatch(cases_, o, n);
      QCOMPARE(p.image.size(), size_t(4 * 32 * 32 * 8));
      QCOMPARE(p.label.size(), size_t(32 * 32 * 8));
      QVERIFY(p.tumorCentred);
      withTumor += std::any_of(p.label.begin(), p.label.end(), [](float v) { return v > 0.5f; });
    }
    QCOMPARE(withTumor, 40);
    o.tumorShare = 0.0;
    for (uint64_t n = 0; n < 10; ++n) QVERIFY(!makePatch(cases_, o, n).tumorCentred);
  }
  void flipsMirrorThePatch() {
    SamplerOptions on, off;
    on.patch = off.patch = {32, 32, 8};
    off.flips = false;
    int checked = 0;
    for (uint64_t n = 0; n < 64 && checked < 3; ++n) {
      const Patch p = makePatch(cases_, on, n), plain = makePatch(cases_, off, n);
      QVERIFY(!plain.flipped[0] && !plain.flipped[1] && !plain.flipped[2]);
      QCOMPARE(p.corner, plain.corner);
      if (!(p.flipped[0] && !p.flipped[1] && !p.flipped[2])) continue;
      for (long z = 0; z < 8; ++z)
        for (long y = 0; y < 32; ++y)
          for (long x = 0; x < 32; ++x)
            QCOMPARE(p.label[size_t(31 - x + 32 * (y + 32 * z))], plain.label[size_t(x + 32 * (y + 32 * z))]);
      ++checked;
    }
    QVERIFY(checked > 0);
  }
  void smallVolumesArePadded() {
    SamplerOptions o;
    o.patch = {64, 64, 8};  // larger than the 48-voxel case in x and y
    o.flips = false;
    const Patch p = makePatch(cases_, o, 0);
    QCOMPARE(p.corner[0], -8L);
    QCOMPARE(p.image[0], -1.f);  // padding
    QCOMPARE(p.label[0], 0.f);
  }
  void memoryStaysBounded() {
    SamplerOptions o;
    o.patch = {32, 32, 8};
    o.prefetch = 3;
    o.workers = 2;
    PatchSampler s(cases_, o);
    s.next();
    QTest::qWait(200);  // let the workers run ahead as far as they may
    QVERIFY(s.buffered() <= 3);
    QVERIFY(s.buffered() >= 1);
  }
};

QTEST_GUILESS_MAIN(TestPatchSampler)
#include "test_patch_sampler.moc"
