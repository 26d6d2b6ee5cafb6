#include "dataset/DatasetScanner.h"

#include "tiss/util/parallel.h"

namespace tiss::ui {

DatasetScanner::DatasetScanner(QObject* parent) : QObject(parent) {
  qRegisterMetaType<CaseRecord>();
  qRegisterMetaType<QVector<CaseRecord>>();
  qRegisterMetaType<std::shared_ptr<const Dataset>>();
  qRegisterMetaType<Error>();
  flush_.setInterval(100);
  connect(&flush_, &QTimer::timeout, this, &DatasetScanner::flush);
}

DatasetScanner::~DatasetScanner() {
  cancel_ = true;
  join();
}

void DatasetScanner::join() {
  if (worker_.joinable()) worker_.join();
}

void DatasetScanner::start(const QString& dir, bool fullCheck, int threads) {
  cancel_ = true;
  join();
  {
    std::lock_guard lock(mutex_);
    pending_.clear();
    opened_.reset();
    error_.reset();
    doneSteps_ = totalSteps_ = 0;
  }
  cancel_ = false;
  done_ = false;
  running_ = true;
  worker_ = std::thread(&DatasetScanner::run, this, dir.toStdString(), fullCheck, threads);
  flush_.start();
}

void DatasetScanner::cancel() { cancel_ = true; }

void DatasetScanner::run(std::string dir, bool fullCheck, int threads) {
  // The worker's boundary: nothing escapes the thread (an escaping exception would terminate).
  try {
    scan(dir, fullCheck, threads);
  } catch (const std::exception& e) {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = std::make_unique<Error>(makeError(dir, std::string("the scan stopped: ") + e.what()));
  }
  done_ = true;
}

void DatasetScanner::scan(const std::string& dir, bool fullCheck, int threads) {
  auto opened = openDataset(dir);
  if (!opened) {
    std::lock_guard lock(mutex_);
    error_ = std::make_unique<Error>(opened.error());
    return;
  }
  auto dataset = std::make_shared<const Dataset>(std::move(*opened));
  const int cases = int(dataset->cases.size());
  {
    std::lock_guard lock(mutex_);
    opened_ = dataset;
    totalSteps_ = cases * (fullCheck ? 2 : 1);
  }
  for (bool full : {false, true}) {
    if (full && !fullCheck) break;
    CheckOptions options;
    options.headersOnly = !full;
    options.threads = 1;
    parallelFor(size_t(cases), threads, [&](size_t i) {
      if (cancel_) return;
      const auto report = checkCase(*dataset, dataset->cases[i], options);
      const auto record = recordFromReport(report, dataset->manifest, full);
      std::lock_guard lock(mutex_);
      pending_.push_back(record);
      ++doneSteps_;
    });
  }
}

void DatasetScanner::flush() {
  std::shared_ptr<const Dataset> opened;
  std::unique_ptr<Error> error;
  QVector<CaseRecord> batch;
  int done = 0, total = 0;
  const bool finished = done_;  // read before draining: nothing is added after done_
  {
    std::lock_guard lock(mutex_);
    opened.swap(opened_);
    error.swap(error_);
    batch.swap(pending_);
    done = doneSteps_;
    total = totalSteps_;
  }
  if (opened) Q_EMIT this->opened(opened);
  if (error) Q_EMIT failed(*error);
  if (!batch.isEmpty()) Q_EMIT casesUpdated(batch);
  if (total > 0) Q_EMIT progress(done, total);
  if (!finished) return;
  flush_.stop();
  join();
  running_ = false;
  Q_EMIT this->finished(cancel_ && !error);
}

}  // namespace tiss::ui
