#include "io/itk_init.h"

#include <itkGDCMImageIOFactory.h>
#include <itkImage.h>
#include <itkImageFileReader.h>
#include <itkImageFileWriter.h>
#include <itkMetaImageIOFactory.h>
#include <itkMultiThreaderBase.h>
#include <itkNiftiImageIO.h>
#include <itkNiftiImageIOFactory.h>
#include <itkPNGImageIOFactory.h>
#include <itkNrrdImageIOFactory.h>
#include <itkOutputWindow.h>

#include <mutex>

namespace tiss::detail {

void initItk() {
  static std::once_flag once;
  std::call_once(once, [] {
    // The formats we support, registered explicitly (a static ITK has no automatic registration).
    itk::NiftiImageIOFactory::RegisterOneFactory();
    itk::NrrdImageIOFactory::RegisterOneFactory();
    itk::MetaImageIOFactory::RegisterOneFactory();
    itk::GDCMImageIOFactory::RegisterOneFactory();
    // PNG (thumbnails) too, here: registering a factory edits ITK's global factory list, which
    // readers on other threads walk; registered later (at the first thumbnail) it corrupted the
    // heap while a scan read headers.
    itk::PNGImageIOFactory::RegisterOneFactory();
    // Touch the lazily made singletons once, here, on one thread.
    itk::OutputWindow::GetInstance();
    itk::MultiThreaderBase::GetGlobalDefaultNumberOfThreads();
    itk::MultiThreaderBase::New();
    itk::Image<float, 3>::New();
    itk::ImageFileReader<itk::Image<float, 3>>::New();
    itk::ImageFileWriter<itk::Image<float, 3>>::New();
    itk::NiftiImageIO::New();
  });
}

}  // namespace tiss::detail
