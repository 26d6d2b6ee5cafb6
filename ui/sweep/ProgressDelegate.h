#pragma once
/// Draws a number 0..100 (the model's UserRole + 1 of the cell) as a progress bar with its
/// text, so a table of jobs reads at a glance.
#include <QStyledItemDelegate>

namespace tiss::ui {

class ProgressDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace tiss::ui
