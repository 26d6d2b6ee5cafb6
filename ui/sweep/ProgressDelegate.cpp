#include "sweep/ProgressDelegate.h"

#include <QApplication>
#include <QStyle>

namespace tiss::ui {

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  const QVariant value = index.data(Qt::UserRole + 1);
  if (!value.isValid()) return QStyledItemDelegate::paint(painter, option, index);
  QStyleOptionProgressBar bar;
  bar.rect = option.rect.adjusted(2, 3, -2, -3);
  bar.minimum = 0;
  bar.maximum = 100;
  bar.progress = value.toInt();
  bar.text = index.data().toString();
  bar.textVisible = true;
  bar.state = option.state | QStyle::State_Horizontal;
  const QWidget* widget = option.widget;
  QStyle* style = widget ? widget->style() : QApplication::style();
  style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

}  // namespace tiss::ui
