#include "common/TaskProgressModel.h"

namespace tiss::ui {

void TaskProgressModel::begin(const QString& name, std::function<void()> cancel) {
  busy_ = true;
  name_ = name;
  done_ = total_ = 0;
  cancel_ = std::move(cancel);
  Q_EMIT changed();
}

void TaskProgressModel::setProgress(int done, int total) {
  if (done == done_ && total == total_) return;
  done_ = done;
  total_ = total;
  Q_EMIT changed();
}

void TaskProgressModel::finish() {
  busy_ = false;
  cancel_ = nullptr;
  Q_EMIT changed();
}

void TaskProgressModel::cancel() {
  if (cancel_) cancel_();
}

}  // namespace tiss::ui
