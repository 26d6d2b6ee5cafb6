#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

#include "test_support.h"
#include "tiss/data/dataset.h"
#include "tiss/io/image_io.h"
#include "tiss/phantom/phantom.h"
#include "tiss/util/safe_path.h"

using namespace tiss;

namespace {

QByteArray hashOfFolder(const QString& dir) {
  QCryptographicHash h(QCryptographicHash::Sha256);
  QDir d(dir);
  for (const QString& sub : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
    for (const QString& f : QDir(d.filePath(sub)).entryList(QDir::Files, QDir::Name)) {
      QFile file(d.filePath(sub + "/" + f));
      if (file.open(QIODevice::ReadOnly)) h.addData(file.readAll());
    }
  return h.result();
}

PhantomCase makeCase(PhantomLayout layout, PhantomAnatomy anatomy, Size3 size, uint64_t seed, int index,
                     int threads = 2) {
  PhantomOptions o;
  o.layout = layout;
  o.anatomy = anatomy;
  o.size = size;
  o.seed = seed;
  o.threads = threads;
  auto c = makePhantomCase(o, index);
  if (!c) qFatal("%s", c.error().describe().c_str());
  return std::move(*c);
}

const Volume& image(const PhantomCase& c, const std::string& key) {
  for (const auto& [k, v] : c.volumes)
    if (k == key) return v;
  qFatal("no %s", key.c_str());
}

// Mean of `image` over its non-zero voxels (skull stripping zeroes the CSF outside the brain)
// where keep(label, tissue) holds.
template <class Keep>
double meanWhere(const Volume& img, const PhantomCase& c, Keep keep) {
  const Volume& seg = c.volumes.back().second;
  double sum = 0;
  long n = 0;
  for (size_t i = 0; i < img.voxels.size(); ++i)
    if (img.voxels[i] > 0 && keep(seg.voxels[i], int(c.tissue.voxels[i]))) sum += img.voxels[i], ++n;
  return n ? sum / double(n) : std::nan("");
}

// Trilinear sample of `v` at an LPS position; 0 outside.
double sampleAt(const Volume& v, const Vec3& p) {
  const auto& g = v.geometry;
  double idx[3];
  long i0[3];
  for (int a = 0; a < 3; ++a) {
    double s = 0;
    for (int b = 0; b < 3; ++b) s += g.direction[size_t(b * 3 + a)] * (p[size_t(b)] - g.origin[size_t(b)]);
    idx[a] = s / g.spacing[size_t(a)];
    if (!(idx[a] >= 0 && idx[a] <= g.size[size_t(a)] - 1)) return 0;
    i0[a] = std::min(long(idx[a]), g.size[size_t(a)] - 2);
  }
  double sum = 0;
  for (int corner = 0; corner < 8; ++corner) {
    double w = 1;
    long at[3];
    for (int a = 0; a < 3; ++a) {
      const int bit = (corner >> a) & 1;
      const double t = idx[a] - double(i0[a]);
      w *= bit ? t : 1 - t;
      at[a] = i0[a] + bit;
    }
    sum += w * v.at(at[0], at[1], at[2]);
  }
  return sum;
}

// Normalized cross-correlation of a phantom's T1 with the template's T1 sampled (trilinear) at
// the same physical points, over the voxels where either image has brain. scipy's
// map_coordinates(order=1) and numpy's corrcoef on the written files give the same values.
double correlationWithTemplate(const Volume& t1, const Volume& tmpl) {
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  long n = 0;
  for (long z = 0; z < t1.size()[2]; ++z)
    for (long y = 0; y < t1.size()[1]; ++y)
      for (long x = 0; x < t1.size()[0]; ++x) {
        const double a = t1.at(x, y, z);
        const double b = sampleAt(tmpl, t1.geometry.indexToPhysical({double(x), double(y), double(z)}));
        if (a <= 0 && b <= 0) continue;
        sa += a, sb += b, saa += a * a, sbb += b * b, sab += a * b, ++n;
      }
  const double cov = sab / n - sa / n * sb / n;
  return cov / std::sqrt((saa / n - std::pow(sa / n, 2)) * (sbb / n - std::pow(sb / n, 2)));
}

}  // namespace

class TestPhantom : public QObject {
  Q_OBJECT
 private slots:
  void sameSeedSameBytesWhateverTheThreads() {
    QTemporaryDir a, b, c;
    testsupport::writePhantom(a.path(), PhantomLayout::Brats, 2, 11);
    testsupport::writePhantom(b.path(), PhantomLayout::Brats, 2, 11);
    testsupport::writePhantom(c.path(), PhantomLayout::Brats, 2, 12);
    QCOMPARE(hashOfFolder(a.path()), hashOfFolder(b.path()));
    QVERIFY(hashOfFolder(a.path()) != hashOfFolder(c.path()));
    const auto one = makeCase(PhantomLayout::Brats, PhantomAnatomy::Template, {40, 40, 26}, 4, 1, 1);
    const auto two = makeCase(PhantomLayout::Brats, PhantomAnatomy::Template, {40, 40, 26}, 4, 1, 2);
    for (size_t m = 0; m < one.volumes.size(); ++m) QVERIFY(one.volumes[m].second.voxels == two.volumes[m].second.voxels);
  }
  void bratsLayoutIsDetectedAsIs() {
    QTemporaryDir dir;
    testsupport::writePhantom(dir.path(), PhantomLayout::Brats, 3);
    for (const char* m : {"t1", "t1ce", "t2", "flair", "seg"})
      QVERIFY(QFile::exists(dir.path() + QString("/BraTS20_Phantom_002/BraTS20_Phantom_002_%1.nii.gz").arg(m)));
    QVERIFY(!QFile::exists(dir.path() + "/manifest.json"));
    auto d = openDataset(dir.path().toStdString());
    QVERIFY(d.ok());
    QCOMPARE(d->manifest.layout, std::string("brats"));
    QVERIFY(d->splitSaved);
  }
  void t1FollowsTheTemplateFarBetterThanTheEllipsoid() {
    auto tmpl = readVolume(defaultTemplateDir() + "/ch2bet.nii.gz");
    QVERIFY2(tmpl.ok(), "the Colin27 template (mricron-data) is installed by scripts/setup");
    double templateSum = 0, ellipsoidSum = 0;
    const int cases = 3;
    for (int i = 0; i < cases; ++i) {
      const Size3 size{120, 120, 78};  // the BraTS field of view at 2 mm
      const double t = correlationWithTemplate(
          image(makeCase(PhantomLayout::Brats, PhantomAnatomy::Template, size, 2023, i), "t1"), *tmpl);
      const double e = correlationWithTemplate(
          image(makeCase(PhantomLayout::Brats, PhantomAnatomy::Ellipsoid, size, 2023, i), "t1"), *tmpl);
      qInfo("case %d: NCC with the Colin27 T1: template anatomy %.3f, ellipsoid %.3f", i + 1, t, e);
      templateSum += t, ellipsoidSum += e;
    }
    qInfo("mean NCC over %d cases: template anatomy %.3f, ellipsoid %.3f", cases, templateSum / cases, ellipsoidSum / cases);
    // Different heads (deformed, scaled, with a tumor) correlate far less than 1 with the template
    // at 2 mm; the ellipsoid does not correlate at all.
    QVERIFY(templateSum / cases > 0.4);
    QVERIFY(templateSum / cases > ellipsoidSum / cases + 0.3);
  }
  void tissueContrastsAreThoseOfRealMri() {
    // One larger case: enough CSF, edema and white matter voxels for stable means.
    const auto c = makeCase(PhantomLayout::Brats, PhantomAnatomy::Template, {120, 120, 78}, 7, 0);
    auto csf = [](float label, int tissue) { return label == 0 && tissue == phantom::Csf; };
    auto wm = [](float label, int tissue) { return label == 0 && tissue == phantom::Wm; };
    auto edema = [](float label, int) { return label == 2; };
    const double t2Csf = meanWhere(image(c, "t2"), c, csf), t2Edema = meanWhere(image(c, "t2"), c, edema);
    const double t2Wm = meanWhere(image(c, "t2"), c, wm);
    const double flCsf = meanWhere(image(c, "flair"), c, csf), flEdema = meanWhere(image(c, "flair"), c, edema);
    const double flWm = meanWhere(image(c, "flair"), c, wm);
    const double t1Csf = meanWhere(image(c, "t1"), c, csf), t1Wm = meanWhere(image(c, "t1"), c, wm);
    qInfo("T2: CSF %.0f, edema %.0f, WM %.0f; FLAIR: CSF %.0f, edema %.0f, WM %.0f", t2Csf, t2Edema, t2Wm, flCsf,
          flEdema, flWm);
    QVERIFY(t2Edema > 1.3 * t2Wm && t2Csf > 1.3 * t2Wm);  // both bright in T2
    QVERIFY(flEdema > 1.5 * flWm);                         // edema bright in FLAIR...
    QVERIFY(flCsf < 0.6 * flWm);                           // ...CSF dark
    QVERIFY(flEdema > 3 * flCsf);
    QVERIFY(t1Csf < 0.6 * t1Wm);
  }
  void labelsAndTypesAreThoseOfBrats() {
    const auto c = makeCase(PhantomLayout::Brats, PhantomAnatomy::Template, {96, 96, 62}, 9, 1);
    const Volume& seg = c.volumes.back().second;
    QCOMPARE(int(seg.pixelType), int(PixelType::UInt8));
    QCOMPARE(int(c.volumes.front().second.pixelType), int(PixelType::Int16));
    std::set<float> values(seg.voxels.begin(), seg.voxels.end());
    QVERIFY(values.count(0) && values.count(2) && values.count(4));
    for (float v : values) QVERIFY(v == 0 || v == 1 || v == 2 || v == 4);
    // Skull-stripped: labels only where the images have brain.
    for (size_t i = 0; i < seg.voxels.size(); ++i)
      if (seg.voxels[i] > 0) QVERIFY(image(c, "t1").voxels[i] > 0);
  }
  void vsGrowsAtTheInternalAuditoryCanal() {
    QTemporaryDir dir;
    testsupport::writePhantom(dir.path(), PhantomLayout::Vs, 2, 4, {96, 96, 16});
    QVERIFY(QFile::exists(dir.path() + "/manifest.json"));
    auto d = openDataset(dir.path().toStdString());
    QVERIFY(d.ok());
    QCOMPARE(d->manifest.task.target, std::string("ceT1"));
    auto t2 = readVolume(d->cases.front().paths.at("T2"));
    QVERIFY(t2.ok());
    QVERIFY(t2->spacing()[2] > 2 * t2->spacing()[0]);
    QCOMPARE(t2->geometry.direction[0], -1.0);
    // The tumor's centre lies in the cerebellopontine angle: 12-34 mm off the midline, at the
    // level of the pons (MNI y -40..-15, z -45..-20; LPS flips x and y).
    const auto c = makeCase(PhantomLayout::Vs, PhantomAnatomy::Template, {128, 128, 24}, 4, 0);
    const Volume& seg = c.volumes.back().second;
    Vec3 sum{};
    long n = 0;
    for (long z = 0; z < seg.size()[2]; ++z)
      for (long y = 0; y < seg.size()[1]; ++y)
        for (long x = 0; x < seg.size()[0]; ++x)
          if (seg.at(x, y, z) == 1) {
            const Vec3 p = seg.geometry.indexToPhysical({double(x), double(y), double(z)});
            for (int a = 0; a < 3; ++a) sum[size_t(a)] += p[size_t(a)];
            ++n;
          }
    QVERIFY(n > 0);
    const double lx = sum[0] / n, ly = sum[1] / n, lz = sum[2] / n;
    qInfo("VS centre (LPS mm): %.1f %.1f %.1f", lx, ly, lz);
    QVERIFY(std::abs(lx) > 12 && std::abs(lx) < 34);
    QVERIFY(-ly > -40 && -ly < -15);
    QVERIFY(lz > -45 && lz < -20);
  }
  void noTwoCasesLookAlike() {
    for (auto anatomy : {PhantomAnatomy::Template, PhantomAnatomy::Ellipsoid}) {
      const auto a = makeCase(PhantomLayout::Brats, anatomy, {32, 32, 20}, 1, 0);
      const auto b = makeCase(PhantomLayout::Brats, anatomy, {32, 32, 20}, 1, 1);
      QVERIFY(a.volumes[0].second.voxels != b.volumes[0].second.voxels);
      QVERIFY(a.volumes.back().second.voxels != b.volumes.back().second.voxels);
    }
  }
  void aMissingTemplateIsNamedAndNothingIsWritten() {
    QTemporaryDir dir;
    PhantomOptions o;
    o.templateDir = (dir.path() + "/no-templates").toStdString();
    o.out = (dir.path() + "/out").toStdString();
    o.size = {16, 16, 8};
    const auto st = writePhantomDataset(o);
    QVERIFY(!st.ok());
    QVERIFY(st.error().file.find("ch2.nii.gz") != std::string::npos);
    QVERIFY(st.error().message.find("mricron-data") != std::string::npos);
    QVERIFY(st.error().message.find("--anatomy ellipsoid") != std::string::npos);
    QVERIFY(!QFile::exists(dir.path() + "/out"));
    o.anatomy = PhantomAnatomy::Ellipsoid;  // needs no file
    QVERIFY(writePhantomDataset(o).ok());
  }
};

QTEST_APPLESS_MAIN(TestPhantom)
#include "test_phantom.moc"
