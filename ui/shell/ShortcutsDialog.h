#pragma once
/// Help > Keyboard Shortcuts: every action of the main window that has a shortcut, in a table.
#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

namespace tiss::ui {

class ShortcutsDialog : public QDialog {
  Q_OBJECT
 public:
  ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
  QTableWidget* table() const { return table_; }

 private:
  QTableWidget* table_;
};

}  // namespace tiss::ui
