// DICOM series (VS-style data): the test writes a series with ITK, then reads it through core.
#include <QTemporaryDir>
#include <QTest>

#include <itkGDCMImageIO.h>
#include <itkGDCMImageIOFactory.h>
#include <itkImage.h>
#include <itkImageSeriesWriter.h>
#include <itkMetaDataObject.h>

#include "tiss/io/image_io.h"

using namespace tiss;

namespace {

void writeSeries(const std::string& dir, const Size3& n, const Vec3& spacing) {
  using Image3 = itk::Image<short, 3>;
  using Image2 = itk::Image<short, 2>;
  auto img = Image3::New();
  Image3::RegionType region;
  Image3::SpacingType sp;
  for (int a = 0; a < 3; ++a) {
    region.SetSize(a, itk::SizeValueType(n[a]));
    sp[a] = spacing[a];
  }
  img->SetRegions(region);
  img->SetSpacing(sp);
  img->Allocate();
  for (long i = 0; i < n[0] * n[1] * n[2]; ++i) img->GetBufferPointer()[i] = short(i % 251 - 40);
  // Each slice needs its position and orientation for the reader to stack and space them.
  itk::ImageSeriesWriter<Image3, Image2>::DictionaryArrayType dicts;
  std::vector<itk::MetaDataDictionary> storage(static_cast<size_t>(n[2]));
  std::vector<std::string> files;
  for (long z = 0; z < n[2]; ++z) {
    auto& d = storage[size_t(z)];
    itk::EncapsulateMetaData<std::string>(d, "0008|0060", "MR");
    itk::EncapsulateMetaData<std::string>(d, "0020|000d", "1.2.826.0.1.3680043.2.1125.1");
    itk::EncapsulateMetaData<std::string>(d, "0020|000e", "1.2.826.0.1.3680043.2.1125.2");
    itk::EncapsulateMetaData<std::string>(d, "0020|0013", std::to_string(z + 1));
    itk::EncapsulateMetaData<std::string>(d, "0020|0037", "1\\0\\0\\0\\1\\0");
    itk::EncapsulateMetaData<std::string>(d, "0020|0032", "0\\0\\" + std::to_string(z * spacing[2]));
    itk::EncapsulateMetaData<std::string>(d, "0028|0030", std::to_string(spacing[1]) + "\\" + std::to_string(spacing[0]));
    itk::EncapsulateMetaData<std::string>(d, "0018|0050", std::to_string(spacing[2]));
    dicts.push_back(&d);
    files.push_back(dir + "/slice" + std::to_string(100 + z) + ".dcm");
  }
  auto io = itk::GDCMImageIO::New();
  io->KeepOriginalUIDOn();
  auto writer = itk::ImageSeriesWriter<Image3, Image2>::New();
  writer->SetInput(img);
  writer->SetImageIO(io);
  writer->SetFileNames(files);
  writer->SetMetaDataDictionaryArray(&dicts);
  writer->Update();
}

}  // namespace

class TestDicom : public QObject {
  Q_OBJECT
 private slots:
  void readsASeriesFromItsFolder() {
    QTemporaryDir dir;
    const Size3 n{12, 10, 5};
    writeSeries(dir.path().toStdString(), n, {0.4, 0.4, 1.5});
    auto v = readVolume(dir.path().toStdString());
    QVERIFY2(v.ok(), v.ok() ? "" : v.error().describe().c_str());
    QCOMPARE(v->size(), n);
    QVERIFY(std::abs(v->spacing()[0] - 0.4) < 1e-4);
    QVERIFY(std::abs(v->spacing()[2] - 1.5) < 1e-4);
    QCOMPARE(int(v->pixelType), int(PixelType::Int16));
    for (long i = 0; i < n[0] * n[1] * n[2]; ++i) QCOMPARE(v->voxels[size_t(i)], float(i % 251 - 40));
    // Written again as NIfTI, the geometry stays.
    const std::string nii = dir.path().toStdString() + "/converted.nii.gz";
    QVERIFY(writeVolume(*v, nii).ok());
    auto back = readVolume(nii);
    QVERIFY(back.ok());
    QVERIFY(back->geometry.sameAs(v->geometry, 1e-4));
  }
  void folderWithoutDicomIsNamed() {
    QTemporaryDir dir;
    auto v = readVolume(dir.path().toStdString());
    QVERIFY(!v.ok());
    QVERIFY(v.error().message.find("no DICOM series") != std::string::npos);
  }
};

QTEST_APPLESS_MAIN(TestDicom)
#include "test_dicom.moc"
