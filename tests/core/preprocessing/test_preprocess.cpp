#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "test_support.h"
#include "tiss/preprocessing/preprocess.h"

using namespace tiss;
using testsupport::blank;
using testsupport::fill;

class TestPreprocess : public QObject {
  Q_OBJECT
 private slots:
  void gliomaKeepsTheTumorZRangeWithMargin() {
    auto image = blank({40, 40, 60}), label = blank({40, 40, 60});
    fill(image, Box{{5, 5, 5}, {30, 30, 50}}, 100.f);
    fill(label, Box{{10, 10, 20}, {5, 5, 20}});  // z 20..39
    PreprocessOptions o;
    o.zMarginVoxels = 4;
    o.minSize = {32, 32, 8};
    const Box b = cropBox(label, image, o);
    QCOMPARE(b.begin, (Index3{0, 0, 16}));
    QCOMPARE(b.size, (Size3{40, 40, 28}));
  }
  void cropIsNeverThinnerThanAPatch() {
    auto image = blank({40, 40, 60}), label = blank({40, 40, 60});
    fill(image, Box{{5, 5, 5}, {30, 30, 50}}, 100.f);
    fill(label, Box{{10, 10, 1}, {5, 5, 2}});  // a thin tumor near the bottom
    PreprocessOptions o;
    o.minSize = {32, 32, 16};
    const Box b = cropBox(label, image, o);
    QCOMPARE(b.begin[2], 0L);
    QCOMPARE(b.size[2], 16L);
  }
  void vsUsesAFixedBoxCentredOnTheTumorInsideTheVolume() {
    auto image = blank({300, 200, 50}), label = blank({300, 200, 50});
    fill(image, Box{{0, 0, 0}, {300, 200, 50}}, 100.f);
    fill(label, Box{{280, 100, 20}, {10, 10, 10}});  // near the right edge
    PreprocessOptions o = PreprocessOptions::forTask(vsTask());
    QVERIFY(o.crop == CropRule::FixedBox);
    const Box b = cropBox(label, image, o);
    QCOMPARE(b.size, (Size3{256, 128, 40}));
    QCOMPARE(b.begin, (Index3{44, 41, 5}));  // shifted left to stay inside; y, z centred
  }
  void withoutALabelTheHeadDecides() {
    auto image = blank({40, 40, 60});
    fill(image, Box{{5, 5, 10}, {30, 30, 30}}, 100.f);
    PreprocessOptions o;
    o.minSize = {16, 16, 8};
    o.zMarginVoxels = 0;
    const Box b = cropBox(Volume(), image, o);
    QCOMPARE(b.begin[2], 10L);
    QCOMPARE(b.size[2], 30L);
  }
  void normalizationMapsTheHeadPercentilesToPlusMinusOne() {
    auto image = blank({10, 10, 10});
    for (long z = 2; z < 8; ++z)
      for (long y = 0; y < 10; ++y)
        for (long x = 0; x < 10; ++x) image.at(x, y, z) = float(100 + x * 10 + y);  // head: 100..199
    PreprocessOptions o;
    o.lowPercentile = 0;
    o.highPercentile = 100;
    const Volume n = normalizeIntensity(image, o);
    QCOMPARE(n.at(0, 0, 0), -1.f);  // background
    QCOMPARE(n.at(0, 0, 5), -1.f);  // darkest head voxel
    QCOMPARE(n.at(9, 9, 5), 1.f);   // brightest
    QVERIFY(std::abs(n.at(5, 0, 5) - (150.f - 100.f) * 2.f / 99.f + 1.f) < 1e-5);
    for (float v : n.voxels) QVERIFY(v >= -1.f && v <= 1.f);
  }
  void preparesAPhantomCase() {
    QTemporaryDir dir;
    testsupport::writePhantom(dir.path(), PhantomLayout::Brats, 1, 3, {48, 48, 40});
    auto d = openDataset(dir.path().toStdString());
    QVERIFY(d.ok());
    PreprocessOptions o = PreprocessOptions::forTask(d->manifest.task);
    o.minSize = {32, 32, 8};
    auto p = prepareCase(*d, d->cases[0], o);
    QVERIFY(p.ok());
    QCOMPARE(p->channelKeys, (std::vector<std::string>{"t1", "t1ce", "t2", "flair"}));
    QCOMPARE(p->channels.size(), size_t(4));
    QCOMPARE(p->label.size(), p->channels[0].size());
    QVERIFY(p->crop.size[2] < 40);  // cropped around the tumor
    double tumor = 0;
    for (float v : p->label.voxels) tumor += v;
    QVERIFY(tumor > 0);
  }
  void inferenceRunsWithoutTargetOrLabel() {
    QTemporaryDir dir;
    testsupport::writePhantom(dir.path(), PhantomLayout::Brats, 1, 3, {32, 32, 16});
    auto d = openDataset(dir.path().toStdString());
    QVERIFY(QFile::remove(QString::fromStdString(d->cases[0].paths.at("flair"))));
    QVERIFY(QFile::remove(QString::fromStdString(d->cases[0].paths.at("seg"))));
    QVERIFY(!prepareCase(*d, d->cases[0], PreprocessOptions()).ok());
    // The test-time rule reads neither; the label-centred rule cannot do without the label.
    const PreprocessOptions test = PreprocessOptions::forTesting(d->manifest.task, false);
    auto p = prepareCase(*d, d->cases[0], test, Need::No, Need::No);
    QVERIFY(p.ok());
    QCOMPARE(p->channels.size(), size_t(3));
    QVERIFY(p->label.voxels.empty());
    auto gt = prepareCase(*d, d->cases[0], PreprocessOptions::forTesting(d->manifest.task, true), Need::No, Need::No);
    QVERIFY(!gt.ok());
    QVERIFY(gt.error().file.find("seg") != std::string::npos);
  }
  void testTimeCropIgnoresTheLabel() {
    // A head filling z 10..40 of 60 slices, a tumor at z 30..34: the training rule keeps the
    // tumor's slab, the test-time rule the whole head whatever the label says.
    auto image = blank({40, 40, 60}), label = blank({40, 40, 60});
    fill(image, Box{{5, 5, 10}, {30, 30, 30}}, 100.f);
    fill(label, Box{{10, 10, 30}, {5, 5, 5}});
    PreprocessOptions train;
    train.minSize = {16, 16, 8};
    QCOMPARE(cropBox(label, image, train).size[2], 5L + 2 * train.zMarginVoxels);
    PreprocessOptions test = PreprocessOptions::forTesting(gliomaTask(), false);
    test.minSize = {16, 16, 8};
    const Box withLabel = cropBox(label, image, test), without = cropBox(Volume(), image, test);
    QCOMPARE(withLabel.begin, without.begin);
    QCOMPARE(withLabel.size, without.size);
    QCOMPARE(without.begin, (Index3{5, 5, 10}));
    QCOMPARE(without.size, (Size3{30, 30, 30}));
    // VS: the test-time box covers the head too, not a box around the tumor.
    PreprocessOptions vs = PreprocessOptions::forTesting(vsTask(), false);
    vs.minSize = {16, 16, 8};
    QCOMPARE(cropBox(label, image, vs).size, (Size3{30, 30, 30}));
    QVERIFY(PreprocessOptions::forTesting(vsTask(), true).crop == CropRule::FixedBox);
  }
};

QTEST_APPLESS_MAIN(TestPreprocess)
#include "test_preprocess.moc"
