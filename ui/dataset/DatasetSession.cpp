#include "dataset/DatasetSession.h"

#include <QCryptographicHash>
#include <QDir>

#include "common/ErrorText.h"
#include "common/TaskProgressModel.h"

namespace tiss::ui {

DatasetSession::DatasetSession(TaskProgressModel* progress, QObject* parent) : QObject(parent), progress_(progress) {
  cases_.setThumbnailProvider(&thumbnails_);
  connect(&scanner_, &DatasetScanner::opened, this, [this](std::shared_ptr<const Dataset> d) {
    cases_.setDataset(d);
    // One cache folder per data set path, so two sets with the same case ids never mix.
    const QByteArray key = QCryptographicHash::hash(folder_.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    thumbnails_.setDataset(d, QDir(cacheRoot_).filePath("thumbnails/" + QString::fromLatin1(key)));
    Q_EMIT opened(folder_);
  });
  connect(&scanner_, &DatasetScanner::casesUpdated, &cases_, &CaseTableModel::updateRecords);
  connect(&scanner_, &DatasetScanner::failed, this,
          [this](const Error& e) { Q_EMIT failed(errorText(e, tr("Opening the data set"))); });
  connect(&scanner_, &DatasetScanner::progress, this, [this](int done, int total) {
    if (progress_) progress_->setProgress(done, total);
  });
  connect(&scanner_, &DatasetScanner::finished, this, [this](bool cancelled) {
    if (progress_) progress_->finish();
    Q_EMIT scanFinished(cancelled);
  });
}

void DatasetSession::open(const QString& dir, const QString& cacheRoot, int threads) {
  folder_ = QDir(dir).absolutePath();
  cacheRoot_ = cacheRoot;
  threads_ = threads;
  if (progress_) progress_->begin(tr("Checking %1").arg(QDir(folder_).dirName()), [this] { scanner_.cancel(); });
  scanner_.start(folder_, true, threads);
}

void DatasetSession::rescan() {
  if (!folder_.isEmpty()) open(folder_, cacheRoot_, threads_);
}

}  // namespace tiss::ui
