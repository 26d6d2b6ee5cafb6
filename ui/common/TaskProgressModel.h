#pragma once
/// The background work shown in the status bar: one named task at a time with its progress
/// and a cancel action. Long operations report here; the status bar binds to it.
#include <QObject>
#include <QString>

#include <functional>

namespace tiss::ui {

class TaskProgressModel : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;

  /// Starts showing `name`; `cancel` is called when the user cancels (may be empty).
  void begin(const QString& name, std::function<void()> cancel);
  /// done of total steps (total 0: busy without a known length).
  void setProgress(int done, int total);
  void finish();
  void cancel();

  bool busy() const { return busy_; }
  QString name() const { return name_; }
  int done() const { return done_; }
  int total() const { return total_; }
  bool cancellable() const { return bool(cancel_); }

 Q_SIGNALS:
  void changed();

 private:
  bool busy_ = false;
  QString name_;
  int done_ = 0, total_ = 0;
  std::function<void()> cancel_;
};

}  // namespace tiss::ui
