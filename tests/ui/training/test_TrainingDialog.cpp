// The training form binds to its model: every config key has a field, enumerated keys are
// choice lists from the engine's key table (editable where the key also takes other values),
// each with the key's meaning as its tool tip. TISS_SCREENSHOT=FILE saves the dialog as PNG.
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QTest>

#include "tiss/config/config_keys.h"
#include "training/TrainingDialog.h"
#include "training/TrainingFormModel.h"

using namespace tiss::ui;

class TestTrainingDialog : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void fieldsFollowTheKeyTable() {
    TrainingFormModel model;
    TrainingDialog dialog(&model);
    for (const auto& k : tiss::configKeys()) {
      if (k.key == "preset") continue;  // chosen by the preset buttons
      QWidget* field = dialog.editor(QString::fromStdString(k.key));
      QVERIFY2(field, k.key.c_str());
      QVERIFY2(!field->toolTip().isEmpty(), k.key.c_str());
      if (k.type == tiss::KeyType::Choice) {
        auto* combo = qobject_cast<QComboBox*>(field);
        QVERIFY2(combo && !combo->isEditable() && combo->count() == int(k.choices.size()), k.key.c_str());
      }
      if (k.type == tiss::KeyType::Boolean) QVERIFY2(qobject_cast<QCheckBox*>(field), k.key.c_str());
    }
    auto* conv = qobject_cast<QComboBox*>(dialog.editor("net.conv"));
    QVERIFY(conv);
    conv->setCurrentText("sliced");
    QCOMPARE(model.text("net.conv"), QString("sliced"));
    auto* window = qobject_cast<QComboBox*>(dialog.editor("inference.window"));
    QVERIFY(window && window->isEditable());
    window->setCurrentText("16x96x96");  // a fixed window, typed
    QCOMPARE(model.text("inference.window"), QString("16x96x96"));
    if (const QString file = qEnvironmentVariable("TISS_SCREENSHOT"); !file.isEmpty()) {
      dialog.resize(560, 900);
      dialog.show();
      QTest::qWait(100);
      QVERIFY(dialog.grab().save(file));
    }
  }
};

QTEST_MAIN(TestTrainingDialog)
#include "test_TrainingDialog.moc"
