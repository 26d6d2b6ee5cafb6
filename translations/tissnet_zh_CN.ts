<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ErrorText</name>
    <message>
        <source>%1 failed: %2.</source>
        <translation>%1 失败：%2。</translation>
    </message>
    <message>
        <source>%1 failed.
File: %2
Reason: %3.
Fix or replace the file and try again; nothing else was changed.</source>
        <translation>%1 失败。
文件：%2
原因：%3。
请修复或替换该文件后重试；其他内容均未更改。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Real vs synthesized</source>
        <translation>真实与合成对比</translation>
    </message>
    <message>
        <source>Real target</source>
        <translation>真实目标模态</translation>
    </message>
    <message>
        <source>Synthesized target</source>
        <translation>合成目标模态</translation>
    </message>
    <message>
        <source>|Real − synthesized|</source>
        <translation>|真实 − 合成|</translation>
    </message>
    <message>
        <source>Ground truth vs coarse vs fine</source>
        <translation>金标准、粗分割与精分割对比</translation>
    </message>
    <message>
        <source>Ground truth</source>
        <translation>金标准</translation>
    </message>
    <message>
        <source>Coarse y_c</source>
        <translation>粗分割 y_c</translation>
    </message>
    <message>
        <source>Fine y_f</source>
        <translation>精分割 y_f</translation>
    </message>
    <message>
        <source>All modalities</source>
        <translation>全部模态</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>TISS Workbench: brain-tumor MRI synthesis and segmentation</source>
        <translation>TISS 工作台：脑肿瘤 MRI 合成与分割</translation>
    </message>
    <message>
        <source>Workspace folder (default: the last one, else ~/TissWorkbench).</source>
        <translation>工作区文件夹（默认：上次使用的，否则 ~/TissWorkbench）。</translation>
    </message>
    <message>
        <source>Data set folder to open and add to the workspace.</source>
        <translation>要打开并加入工作区的数据集文件夹。</translation>
    </message>
    <message>
        <source>Settings file to use instead of the user&apos;s.</source>
        <translation>代替用户设置的设置文件。</translation>
    </message>
    <message>
        <source>Save the window as PNG once the data set is checked, then quit.</source>
        <translation>数据集检查完成后将窗口保存为 PNG 并退出。</translation>
    </message>
    <message>
        <source>Open this case of the data set in the slice viewers.</source>
        <translation>在切片视图中打开数据集中的该病例。</translation>
    </message>
    <message>
        <source>Show this tissnet infer output folder with the case (repeatable).</source>
        <translation>与病例一起显示该 tissnet infer 输出文件夹（可重复）。</translation>
    </message>
    <message>
        <source>Layout of the case: modalities, synthesis, masks or grid.</source>
        <translation>病例布局：modalities、synthesis、masks 或 grid。</translation>
    </message>
    <message>
        <source>Slice axis of the case: axial, coronal or sagittal.</source>
        <translation>病例的切片方向：axial、coronal 或 sagittal。</translation>
    </message>
    <message>
        <source>Show the case&apos;s 3D view.</source>
        <translation>显示病例的三维视图。</translation>
    </message>
    <message>
        <source>Show this run folder in the training dashboard (repeatable: compared).</source>
        <translation>在训练仪表板中显示该运行文件夹（可重复：对比显示）。</translation>
    </message>
    <message>
        <source>Show this sweep folder on the Sweeps page.</source>
        <translation>在“参数扫描”页面显示此扫描文件夹。</translation>
    </message>
    <message>
        <source>Write the sweep&apos;s plot (.png, .svg or .pdf), then quit.</source>
        <translation>写出扫描的图表（.png、.svg 或 .pdf），然后退出。</translation>
    </message>
    <message>
        <source>Metric of the sweep plot (e.g. dice_pct; default: the sweep&apos;s).</source>
        <translation>扫描图表的指标（例如 dice_pct；默认：扫描自身的指标）。</translation>
    </message>
    <message>
        <source>Second swept key: draw a heat map over both.</source>
        <translation>第二个扫描参数：绘制两者的热图。</translation>
    </message>
    <message>
        <source>%1 has no case &apos;%2&apos; (--case)</source>
        <translation>%1 中没有病例“%2”(--case)</translation>
    </message>
    <message>
        <source>Swept key on the plot&apos;s x axis (default: the first; all: a panel per swept key; parallel: parallel coordinates; pareto: synthesis quality vs the metric).</source>
        <translation>图的 x 轴上的扫描键(默认:第一个;all:每个扫描键一个面板;parallel:平行坐标;pareto:合成质量对指标)。</translation>
    </message>
    <message>
        <source>Run this trained run on the --case (or the --open-case) and show its outputs (as Run model… does).</source>
        <translation>在 --case（或 --open-case）上运行此训练好的运行并显示其输出（同“运行模型…”）。</translation>
    </message>
    <message>
        <source>Open a case folder or image files without a data set, modalities guessed from the names (repeatable: several files).</source>
        <translation>不依赖数据集打开一个病例文件夹或图像文件，根据文件名推测模态（可重复：多个文件）。</translation>
    </message>
    <message>
        <source>--apply needs --case or --open-case</source>
        <translation>--apply 需要 --case 或 --open-case</translation>
    </message>
    <message>
        <source>With --run: show the dashboard&apos;s gradient norm charts.</source>
        <translation>与 --run 一起使用：在仪表板中显示梯度范数图。</translation>
    </message>
    <message>
        <source>Open a folder of DICOM files as a case, sequences guessed, series on another grid resampled (with --results, --layout, --axis as for --case).</source>
        <translation>将 DICOM 文件夹作为病例打开，自动推测序列，网格不同的序列重采样（--results、--layout、--axis 用法同 --case）。</translation>
    </message>
    <message>
        <source>NIfTI files of a case, or a case, data set, run or DICOM folder to open (as the desktop&apos;s Open With does).</source>
        <translation>要打开的病例 NIfTI 文件，或病例、数据集、运行或 DICOM 文件夹（同桌面的“打开方式”）。</translation>
    </message>
    <message>
        <source>tissnet-workbench: no display to open a window on (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset). Start it in a desktop session, under Xvfb (xvfb-run -a tissnet-workbench ...), or with QT_QPA_PLATFORM=offscreen to write --screenshot or --sweep-plot files without a screen; tissnet is the command line.</source>
        <translation>tissnet-workbench：没有可打开窗口的显示（DISPLAY、WAYLAND_DISPLAY 和 QT_QPA_PLATFORM 均未设置）。请在桌面会话中启动、在 Xvfb 下运行（xvfb-run -a tissnet-workbench ...），或设置 QT_QPA_PLATFORM=offscreen 以在无屏幕时写出 --screenshot 或 --sweep-plot 文件；命令行工具是 tissnet。</translation>
    </message>
</context>
<context>
    <name>tiss::ui::ApplyModelModel</name>
    <message>
        <source>another model is running on a case; wait or cancel it</source>
        <translation>另一个模型正在某病例上运行;请等待或取消</translation>
    </message>
    <message>
        <source>is not a run with a checkpoint</source>
        <translation>不是带检查点的运行</translation>
    </message>
    <message>
        <source>cannot create the results folder</source>
        <translation>无法创建结果文件夹</translation>
    </message>
    <message>
        <source>cannot create a staging folder</source>
        <translation>无法创建暂存文件夹</translation>
    </message>
    <message>
        <source>tissnet infer stopped (exit code %1)</source>
        <translation>tissnet infer 已停止(退出码 %1)</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>无法创建文件夹</translation>
    </message>
    <message>
        <source>cannot move the results into place</source>
        <translation>无法将结果移动到位</translation>
    </message>
    <message>
        <source>holds too many results of runs with this name</source>
        <translation>包含过多同名运行的结果</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 无法启动：%2</translation>
    </message>
</context>
<context>
    <name>tiss::ui::CaseTableModel</name>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>val</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Axial slice through the tumor&apos;s largest extent</source>
        <translation>经过肿瘤最大截面的轴位切片</translation>
    </message>
    <message>
        <source>%1 × %2 × %3</source>
        <translation>%1 × %2 × %3</translation>
    </message>
    <message>
        <source>%1 × %2 × %3 mm</source>
        <translation>%1 × %2 × %3 mm</translation>
    </message>
    <message>
        <source>%1 mL</source>
        <translation>%1 mL</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>headers OK, reading…</source>
        <translation>文件头正常，读取中…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>病例</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>模态</translation>
    </message>
    <message>
        <source>Size (voxels)</source>
        <translation>尺寸（体素）</translation>
    </message>
    <message>
        <source>Spacing</source>
        <translation>体素间距</translation>
    </message>
    <message>
        <source>Tumor volume</source>
        <translation>肿瘤体积</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>BraTS 2020/2021</source>
        <translation>BraTS 2020/2021</translation>
    </message>
    <message>
        <source>BraTS 2023-2025</source>
        <translation>BraTS 2023–2025</translation>
    </message>
    <message>
        <source>Medical Segmentation Decathlon (4D images)</source>
        <translation>医学分割十项全能 MSD(4D 图像)</translation>
    </message>
    <message>
        <source>nnU-Net v2 raw dataset</source>
        <translation>nnU-Net v2 原始数据集</translation>
    </message>
    <message>
        <source>manifest.json</source>
        <translation>manifest.json</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Layout: %1 · task %2 · sources %3 · target %4 · label %5</source>
        <translation>布局:%1 · 任务 %2 · 源 %3 · 目标 %4 · 标签 %5</translation>
    </message>
    <message>
        <source>none (segmentation only)</source>
        <translation>无(仅分割)</translation>
    </message>
    <message>
        <source> (values %1)</source>
        <translation>(取值 %1)</translation>
    </message>
    <message numerus="yes">
        <source> · %n case(s) from imagesTs, without a label</source>
        <translation>
            <numerusform> · %n 个来自 imagesTs 的病例,无标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) left out: %1</source>
        <translation>
            <numerusform>%n 个病例被排除：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>; and %1 more</source>
        <translation>；另有 %1 个</translation>
    </message>
    <message>
        <source>no data set is open</source>
        <translation>未打开数据集</translation>
    </message>
    <message>
        <source>has unsaved changes: save the split first (its test part is held out of every fold)</source>
        <translation>有未保存的更改：请先保存划分（其测试部分不进入任何折）</translation>
    </message>
    <message>
        <source>already exists (runs keep the split they were created with)</source>
        <translation>已存在（运行保留创建时的划分）</translation>
    </message>
    <message>
        <source>%1 folds need at least %1 labelled cases outside the test set; there are %2</source>
        <translation>%1 折至少需要测试集之外的 %1 个有标注病例；现有 %2 个</translation>
    </message>
</context>
<context>
    <name>tiss::ui::CaseViewerModel</name>
    <message>
        <source>Real | synthesized | difference</source>
        <translation>真实 | 合成 | 差异</translation>
    </message>
    <message>
        <source>Ground truth | coarse | fine</source>
        <translation>金标准 | 粗分割 | 精分割</translation>
    </message>
    <message>
        <source>All modalities and runs</source>
        <translation>全部模态与运行</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Modalities with ground truth</source>
        <translation>模态及金标准</translation>
    </message>
    <message>
        <source>Opening the case</source>
        <translation>打开病例</translation>
    </message>
    <message>
        <source>No real %1 in this case: the synthesized image is shown alone, without a difference map.</source>
        <translation>此病例没有真实的 %1:仅显示合成图像,无差异图。</translation>
    </message>
    <message>
        <source>No ground truth in this case: masks are shown without Dice.</source>
        <translation>此病例没有金标准:掩膜显示时不计算 Dice。</translation>
    </message>
    <message>
        <source>%1: y_c was trained by its Dice loss and by S&apos;s losses through it (loss.coarse_gradient = %2): S may use it as a code rather than a mask, so its Dice is not that of a coarse segmentation.</source>
        <translation>%1：y_c 由其 Dice 损失以及经由它传来的 S 的损失共同训练（loss.coarse_gradient = %2）：S 可能把它当作编码而非掩膜使用，因此它的 Dice 不是粗分割的 Dice。</translation>
    </message>
</context>
<context>
    <name>tiss::ui::CaseViewerPage</name>
    <message>
        <source>Could not open the case</source>
        <translation>无法打开病例</translation>
    </message>
    <message>
        <source>Reading images…</source>
        <translation>正在读取图像…</translation>
    </message>
    <message>
        <source>Image shown in panel %1</source>
        <translation>面板 %1 显示的图像</translation>
    </message>
    <message>
        <source>Choose a folder written by tissnet infer</source>
        <translation>选择由 tissnet infer 写出的文件夹</translation>
    </message>
    <message>
        <source>%1 holds no results for case %2 (expected %2/%2_&lt;output&gt;.nii.gz). Choose the --out folder of tissnet infer.</source>
        <translation>%1 中没有病例 %2 的结果（应为 %2/%2_&lt;输出&gt;.nii.gz）。请选择 tissnet infer 的 --out 文件夹。</translation>
    </message>
    <message>
        <source>Exporting the figure</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Axial</source>
        <translation>轴位</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>冠状位</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>矢状位</translation>
    </message>
    <message>
        <source>Add results…</source>
        <translation>添加结果…</translation>
    </message>
    <message>
        <source>Show the outputs of tissnet infer for this case</source>
        <translation>显示该病例的 tissnet infer 输出</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>3D view</source>
        <translation>三维视图</translation>
    </message>
    <message>
        <source>Surfaces of the masks and three slice planes at the cursor (drag to rotate, R to reset)</source>
        <translation>掩膜表面及光标处的三个切片平面（拖动旋转，R 复位）</translation>
    </message>
    <message>
        <source>Window: auto (0.5–99.5 %)</source>
        <translation>窗宽窗位：自动（0.5–99.5 %）</translation>
    </message>
    <message>
        <source>Window: full range</source>
        <translation>窗宽窗位：全范围</translation>
    </message>
    <message>
        <source>Window: wide (0.1–99.9 %)</source>
        <translation>窗宽窗位：宽（0.1–99.9 %）</translation>
    </message>
    <message>
        <source>Window: narrow (5–95 %)</source>
        <translation>窗宽窗位：窄（5–95 %）</translation>
    </message>
    <message>
        <source>Window of every grey panel; right-drag in a panel to adjust it, A for automatic</source>
        <translation>所有灰度面板的窗宽窗位；在面板中按右键拖动调整，按 A 自动</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>叠加层</translation>
    </message>
    <message>
        <source>Masks and probability maps: colour, opacity, contour</source>
        <translation>掩膜与概率图：颜色、不透明度、轮廓</translation>
    </message>
    <message>
        <source>Run model…</source>
        <translation>运行模型…</translation>
    </message>
    <message>
        <source>Apply a finished run to this case (Ctrl+M); its outputs become a result source</source>
        <translation>将已完成的运行应用于此病例(Ctrl+M);其输出成为一个结果来源</translation>
    </message>
</context>
<context>
    <name>tiss::ui::CurvePlot</name>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
</context>
<context>
    <name>tiss::ui::DashboardPanel</name>
    <message>
        <source>Smoothing %1</source>
        <translation>平滑 %1</translation>
    </message>
    <message>
        <source>Export the loss plot or every curve</source>
        <translation>导出损失图或全部曲线</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;CSV data (*.csv)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf);;CSV 数据 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>New run…</source>
        <translation>新建运行…</translation>
    </message>
    <message>
        <source>Open run folder…</source>
        <translation>打开运行文件夹…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Ask the trainer to save a checkpoint and stop</source>
        <translation>请求训练程序保存检查点并停止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue from the last checkpoint</source>
        <translation>从最近的检查点继续</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>Dice (%)</source>
        <translation>Dice (%)</translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation>PSNR (dB)</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>epoch %1, iteration %2 / %3</source>
        <translation>第 %1 轮，迭代 %2 / %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>, %1 it/s, %2 min left</source>
        <translation>，%1 次/秒，剩余 %2 分钟</translation>
    </message>
    <message>
        <source>PSNR of x_t&apos; (dB)</source>
        <translation>x_t&apos; 的 PSNR (dB)</translation>
    </message>
    <message>
        <source>perceptibility Dice (%)</source>
        <translation>可感知性 Dice (%)</translation>
    </message>
    <message>
        <source>best checkpoint by %1</source>
        <translation>按 %1 选择最佳检查点</translation>
    </message>
    <message>
        <source>best checkpoint by %1: %2 at iteration %3</source>
        <translation>按 %1 选择最佳检查点：第 %3 次迭代为 %2</translation>
    </message>
    <message>
        <source>total loss</source>
        <translation>总损失</translation>
    </message>
    <message>
        <source>Group by seed</source>
        <translation>按随机种子分组</translation>
    </message>
    <message>
        <source>Runs whose configs differ only by their seed: one mean curve with a band of ± one standard deviation</source>
        <translation>配置仅随机种子不同的运行：一条均值曲线及 ± 一个标准差的带</translation>
    </message>
    <message numerus="yes">
        <source>%1 (mean of %n seed(s))</source>
        <translation>
            <numerusform>%1（%n 个种子的均值）</numerusform>
        </translation>
    </message>
    <message>
        <source>Gradient norms</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>One chart per network part: the norm of each loss group&apos;s gradient reaching it, as the run logged them (optim.gradient_norms_every)</source>
        <translation>每个网络部分一张图：到达该部分的每组损失的梯度范数，按运行记录（optim.gradient_norms_every）</translation>
    </message>
    <message>
        <source>‖∇‖ %1</source>
        <translation>‖∇‖ %1</translation>
    </message>
    <message>
        <source>coarse decoder (y_c)</source>
        <translation>粗分割解码器 (y_c)</translation>
    </message>
    <message>
        <source>synthesis decoder (x_t&apos;)</source>
        <translation>合成解码器 (x_t&apos;)</translation>
    </message>
    <message>
        <source>G&apos;s encoder</source>
        <translation>G 的编码器</translation>
    </message>
    <message>
        <source>L_c</source>
        <translation>L_c</translation>
    </message>
    <message>
        <source>S&apos;s losses</source>
        <translation>S 的损失</translation>
    </message>
    <message>
        <source>synthesis losses</source>
        <translation>合成损失</translation>
    </message>
    <message numerus="yes">
        <source>, %n rank(s): %1 it/s each, %2 MB all-reduced a step</source>
        <translation>
            <numerusform>，%n 个进程：每个 %1 it/s，每步 All-Reduce %2 MB</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tiss::ui::DatasetBrowserPanel</name>
    <message>
        <source>Saving the split</source>
        <translation>保存数据划分</translation>
    </message>
    <message>
        <source>Filter cases by id (Ctrl+F)</source>
        <translation>按编号筛选病例 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cases with problems</source>
        <translation>有问题的病例</translation>
    </message>
    <message>
        <source>All parts</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Move selected</source>
        <translation>移动所选</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Re-draw split</source>
        <translation>重新划分</translation>
    </message>
    <message>
        <source>Save split</source>
        <translation>保存划分</translation>
    </message>
    <message>
        <source>%1 of %2 cases, %3 with problems</source>
        <translation>%2 个病例中显示 %1 个，%3 个有问题</translation>
    </message>
    <message>
        <source>already exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>Replace the folds?</source>
        <translation>替换这些折？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it? Runs keep the split they were created with.</source>
        <translation>%1 已存在。要替换吗？运行保留创建时的划分。</translation>
    </message>
    <message>
        <source>Writing the cross-validation folds</source>
        <translation>写入交叉验证折</translation>
    </message>
    <message>
        <source>Wrote %1 folds to splits_final.json (validation parts of %2 cases); a run trains one with data.fold</source>
        <translation>已将 %1 折写入 splits_final.json（验证部分分别为 %2 个病例）；运行通过 data.fold 选择其中一折</translation>
    </message>
    <message>
        <source> folds</source>
        <translation> 折</translation>
    </message>
    <message>
        <source>Cross-validation: folds over the labelled cases outside the test set</source>
        <translation>交叉验证：在测试集之外的有标注病例上划分的折</translation>
    </message>
    <message>
        <source>Write folds</source>
        <translation>写入折</translation>
    </message>
    <message>
        <source>Write splits_final.json (nnU-Net&apos;s format) with the seed shown; runs name a fold with data.fold</source>
        <translation>用所示种子写入 splits_final.json（nnU-Net 格式）；运行通过 data.fold 指定折</translation>
    </message>
</context>
<context>
    <name>tiss::ui::DatasetSession</name>
    <message>
        <source>Opening the data set</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>正在检查 %1</translation>
    </message>
</context>
<context>
    <name>tiss::ui::MainWindow</name>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Saving the workspace</source>
        <translation>保存工作区</translation>
    </message>
    <message>
        <source>Check cancelled</source>
        <translation>检查已取消</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n case(s), %1 with problems</source>
        <translation>
            <numerusform>已检查 %n 个病例，%1 个有问题</numerusform>
        </translation>
    </message>
    <message>
        <source>TISS Workbench</source>
        <translation>TISS 工作台</translation>
    </message>
    <message>
        <source>TISS Workbench — %1</source>
        <translation>TISS 工作台 — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Recent &amp;Workspaces</source>
        <translation>最近的工作区(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation>打开工作区(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Open Data Set…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Rescan Data Set</source>
        <translation>重新检查数据集(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save Split</source>
        <translation>保存划分(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find Cases</source>
        <translation>查找病例(&amp;F)</translation>
    </message>
    <message>
        <source>Show Only Cases With &amp;Problems</source>
        <translation>仅显示有问题的病例(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Close Case Page</source>
        <translation>关闭病例页(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About TISS Workbench</source>
        <translation>关于 TISS 工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the background task (Esc)</source>
        <translation>取消后台任务 (Esc)</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Data Set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Opening the workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>工作区 %1</translation>
    </message>
    <message>
        <source>Open or create a workspace folder</source>
        <translation>打开或创建工作区文件夹</translation>
    </message>
    <message>
        <source>Open a data set folder</source>
        <translation>打开数据集文件夹</translation>
    </message>
    <message>
        <source>About TISS Workbench</source>
        <translation>关于 TISS 工作台</translation>
    </message>
    <message>
        <source>&lt;b&gt;TISS Workbench&lt;/b&gt; %1&lt;br&gt;Synthesis of a missing MRI modality and brain-tumor segmentation with TISS-Net.</source>
        <translation>&lt;b&gt;TISS 工作台&lt;/b&gt; %1&lt;br&gt;使用 TISS-Net 合成缺失的 MRI 模态并分割脑肿瘤。</translation>
    </message>
    <message>
        <source>Unsaved split</source>
        <translation>划分未保存</translation>
    </message>
    <message>
        <source>The edited split is not saved. Save it now?</source>
        <translation>编辑后的数据划分尚未保存。现在保存吗？</translation>
    </message>
    <message>
        <source>&amp;Paper Figure…</source>
        <translation>论文插图(&amp;P)…</translation>
    </message>
    <message>
        <source>Open a data set first: the figure&apos;s rows are its cases.</source>
        <translation>请先打开数据集：插图的每一行是其中一个病例。</translation>
    </message>
    <message>
        <source>This run&apos;s trainer is not running on this computer.</source>
        <translation>该运行的训练程序不在本机上运行。</translation>
    </message>
    <message>
        <source>Resuming the run</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>Open a run folder</source>
        <translation>打开运行文件夹</translation>
    </message>
    <message>
        <source>&amp;New Training Run…</source>
        <translation>新建训练运行(&amp;N)…</translation>
    </message>
    <message>
        <source>Open &amp;Run Folder…</source>
        <translation>打开运行文件夹(&amp;R)…</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Starting the training run</source>
        <translation>启动训练运行</translation>
    </message>
    <message>
        <source>New S&amp;weep…</source>
        <translation>新建参数扫描(&amp;W)…</translation>
    </message>
    <message>
        <source>Open Swee&amp;p Folder…</source>
        <translation>打开扫描文件夹(&amp;P)…</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>参数扫描</translation>
    </message>
    <message>
        <source>Creating the sweep</source>
        <translation>创建扫描</translation>
    </message>
    <message numerus="yes">
        <source>Created sweep %1 (%n job(s))</source>
        <translation>
            <numerusform>已创建扫描 %1（%n 个任务）</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a sweep folder</source>
        <translation>打开扫描文件夹</translation>
    </message>
    <message>
        <source>Opening the sweep</source>
        <translation>打开扫描</translation>
    </message>
    <message>
        <source>Continuing the sweep</source>
        <translation>继续扫描</translation>
    </message>
    <message>
        <source>Sweep %1: scheduler started</source>
        <translation>扫描 %1：调度器已启动</translation>
    </message>
    <message>
        <source>Opening the data set</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>Results of %1 for case %2 in %3</source>
        <translation>%1 对病例 %2 的结果位于 %3</translation>
    </message>
    <message>
        <source>Running the model failed: %1</source>
        <translation>运行模型失败:%1</translation>
    </message>
    <message>
        <source>Model run cancelled; nothing was kept</source>
        <translation>模型运行已取消;未保留任何内容</translation>
    </message>
    <message>
        <source>No finished run in this workspace: train one (Training page) or open a run folder first.</source>
        <translation>此工作区没有已完成的运行:请先训练一个(训练页)或打开一个运行文件夹。</translation>
    </message>
    <message>
        <source>segmentation only</source>
        <translation>仅分割</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>%1 — %2, %3%4</source>
        <translation>%1 — %2,%3%4</translation>
    </message>
    <message>
        <source>Run model on %1</source>
        <translation>在 %1 上运行模型</translation>
    </message>
    <message>
        <source>Finished run:</source>
        <translation>已完成的运行:</translation>
    </message>
    <message>
        <source>Running the model</source>
        <translation>运行模型</translation>
    </message>
    <message>
        <source>Running %1 on %2</source>
        <translation>正在 %2 上运行 %1</translation>
    </message>
    <message>
        <source>Open &amp;Case…</source>
        <translation>打开病例(&amp;C)…</translation>
    </message>
    <message>
        <source>Open one case&apos;s image files without a data set (or drop a case folder on the window)</source>
        <translation>不依赖数据集打开一个病例的图像文件（或将病例文件夹拖到窗口上）</translation>
    </message>
    <message>
        <source>Open a workspace first: a model&apos;s results are saved in it.</source>
        <translation>请先打开一个工作区：模型的结果保存在其中。</translation>
    </message>
    <message>
        <source>%1, opened without a data set</source>
        <translation>%1，未依赖数据集打开</translation>
    </message>
    <message>
        <source>Opening a case</source>
        <translation>打开病例</translation>
    </message>
    <message>
        <source>Opened case %1 from %2</source>
        <translation>已从 %2 打开病例 %1</translation>
    </message>
    <message>
        <source>Open the image files of a case</source>
        <translation>打开一个病例的图像文件</translation>
    </message>
    <message>
        <source>Images (*.nii.gz *.nii *.nrrd *.mha *.mhd *.nhdr)</source>
        <translation>图像 (*.nii.gz *.nii *.nrrd *.mha *.mhd *.nhdr)</translation>
    </message>
    <message>
        <source>%1 holds no case opened on its own.</source>
        <translation>%1 不包含单独打开的病例。</translation>
    </message>
    <message>
        <source>Open &amp;DICOM Folder…</source>
        <translation>打开 &amp;DICOM 文件夹…</translation>
    </message>
    <message>
        <source>Open the MR series of a folder of DICOM files as a case, each series&apos; sequence guessed</source>
        <translation>将 DICOM 文件夹中的 MR 序列作为病例打开，并推测每个序列的类型</translation>
    </message>
    <message>
        <source>Open from &amp;PACS…</source>
        <translation>从 &amp;PACS 打开…</translation>
    </message>
    <message>
        <source>Find a study on the PACS set in Settings, retrieve its series and open them as a case</source>
        <translation>在设置中指定的 PACS 上查找检查，获取其序列并作为病例打开</translation>
    </message>
    <message>
        <source>Importing DICOM series of %1</source>
        <translation>正在导入 %1 的 DICOM 序列</translation>
    </message>
    <message>
        <source>Imported DICOM series of %1 from %2</source>
        <translation>已从 %2 导入 %1 的 DICOM 序列</translation>
    </message>
    <message>
        <source>Open a folder of DICOM files</source>
        <translation>打开 DICOM 文件夹</translation>
    </message>
    <message>
        <source>Retrieved series from %1 into %2</source>
        <translation>已从 %1 获取序列到 %2</translation>
    </message>
</context>
<context>
    <name>tiss::ui::NewSweepDialog</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>New Sweep</source>
        <translation>新建参数扫描</translation>
    </message>
    <message>
        <source>Spec file…</source>
        <translation>规格文件…</translation>
    </message>
    <message>
        <source>LibTorch&apos;s default</source>
        <translation>LibTorch 默认值</translation>
    </message>
    <message>
        <source>key=value per line, e.g. optim.epochs_constant=2</source>
        <translation>每行一个 key=value，例如 optim.epochs_constant=2</translation>
    </message>
    <message>
        <source>Create and Start</source>
        <translation>创建并开始</translation>
    </message>
    <message>
        <source>Sweep:</source>
        <translation>扫描：</translation>
    </message>
    <message>
        <source>Spec file:</source>
        <translation>规格文件：</translation>
    </message>
    <message>
        <source>Sweep Spec</source>
        <translation>扫描规格</translation>
    </message>
    <message>
        <source>Sweep specs (*.json)</source>
        <translation>扫描规格 (*.json)</translation>
    </message>
    <message>
        <source>Data set:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Data Set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Sweep folder:</source>
        <translation>扫描文件夹：</translation>
    </message>
    <message>
        <source>Sweep Folder</source>
        <translation>扫描文件夹</translation>
    </message>
    <message>
        <source>Config preset of every job:</source>
        <translation>每个任务的配置预设：</translation>
    </message>
    <message>
        <source>Jobs at once:</source>
        <translation>同时运行的任务：</translation>
    </message>
    <message>
        <source>CPU threads per job:</source>
        <translation>每个任务的 CPU 线程：</translation>
    </message>
    <message>
        <source>Overrides for every job:</source>
        <translation>所有任务的覆盖设置：</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s), %1 of them shared runs trained first.</source>
        <translation>
            <numerusform>%n 个任务，其中 %1 个共享运行先训练。</numerusform>
        </translation>
    </message>
    <message>
        <source>This sweep cannot start</source>
        <translation>此扫描无法开始</translation>
    </message>
    <message>
        <source>auto, cpu, or cuda:0, cuda:1 (given to the jobs in turn)</source>
        <translation>auto、cpu，或 cuda:0, cuda:1（依次分配给各任务）</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>设备：</translation>
    </message>
</context>
<context>
    <name>tiss::ui::NewSweepModel</name>
    <message>
        <source>Fig. 6: validation Dice as each of λp, λc, λS varies alone around 25 / 1 / 25.</source>
        <translation>图 6：λp、λc、λS 分别在 25 / 1 / 25 附近单独变化时的验证 Dice。</translation>
    </message>
    <message>
        <source>Tables 1/5: synthesis losses (L_syn-g, + L_syn-t, + L_p, + L_c) with λS = 0.</source>
        <translation>表 1/5：合成损失（L_syn-g、+ L_syn-t、+ L_p、+ L_c），λS = 0。</translation>
    </message>
    <message>
        <source>Tables 2/6: segmentor input (xs, xt&apos;, xt&apos;+yc, xs+xt&apos;+yc) crossed with its losses.</source>
        <translation>表 2/6：分割器输入（xs、xt&apos;、xt&apos;+yc、xs+xt&apos;+yc）与其损失的组合。</translation>
    </message>
    <message>
        <source>Table 3: y_f vs y_r vs their mean, from one trained TISS-Net.</source>
        <translation>表 3：同一个训练好的 TISS-Net 的 y_f、y_r 与其平均。</translation>
    </message>
    <message>
        <source>Tables 4/7: source only, real target, all modalities, synthesis then segmentation, TISS-Net.</source>
        <translation>表 4/7：仅源模态、真实目标、全部模态、先合成再分割、TISS-Net。</translation>
    </message>
    <message>
        <source>A sweep spec file of your own (docs/sweeps.md): axes over any config key, seeds, metric.</source>
        <translation>自定义扫描规格文件（docs/sweeps.md）：任意配置键的轴、随机种子、指标。</translation>
    </message>
</context>
<context>
    <name>tiss::ui::OpenCaseDialog</name>
    <message>
        <source>Open Case</source>
        <translation>打开病例</translation>
    </message>
    <message>
        <source>Glioma (BraTS): T1, T1ce, T2 → FLAIR</source>
        <translation>胶质瘤（BraTS）：T1、T1ce、T2 → FLAIR</translation>
    </message>
    <message>
        <source>Vestibular schwannoma: T2 → ceT1</source>
        <translation>前庭神经鞘瘤：T2 → ceT1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Used as</source>
        <translation>用作</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>病例 ID</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Each file&apos;s modality is guessed from its name; correct it where it is wrong. The files are read where they are, never changed.</source>
        <translation>每个文件的模态根据其名称推测；如有错误请更正。文件在原处读取，绝不会被修改。</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>（不使用）</translation>
    </message>
</context>
<context>
    <name>tiss::ui::OpenCaseModel</name>
    <message>
        <source>Opening a case</source>
        <translation>打开病例</translation>
    </message>
    <message>
        <source>No image file: drop a case folder or its NIfTI files.</source>
        <translation>没有图像文件：请拖入一个病例文件夹或其 NIfTI 文件。</translation>
    </message>
    <message>
        <source>The case id must not be empty, start with a dot or hold a slash.</source>
        <translation>病例 ID 不能为空、不能以点开头，也不能包含斜杠。</translation>
    </message>
    <message>
        <source>No source image: use at least one file as %1.</source>
        <translation>没有源图像：请至少将一个文件用作 %1。</translation>
    </message>
    <message>
        <source>%1 is no longer there.</source>
        <translation>%1 已不存在。</translation>
    </message>
    <message>
        <source>Keeping the case in the workspace</source>
        <translation>在工作区中保存病例</translation>
    </message>
</context>
<context>
    <name>tiss::ui::OpenDicomDialog</name>
    <message>
        <source>Open DICOM Series</source>
        <translation>打开 DICOM 序列</translation>
    </message>
    <message>
        <source>Refuse series on another grid</source>
        <translation>拒绝网格不同的序列</translation>
    </message>
    <message>
        <source>Resample them onto the first series&apos; grid</source>
        <translation>将其重采样到第一个序列的网格</translation>
    </message>
    <message>
        <source>Register them rigidly, then resample (patient moved)</source>
        <translation>先刚性配准再重采样（患者移动过）</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Used as</source>
        <translation>用作</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>病例 ID</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Each series&apos; sequence is guessed from its description; correct it where it is wrong. The first sequence (T1, T1ce, T2, FLAIR) gives the grid. The series are copied into the workspace as NIfTI without patient names or ids; the DICOM files are never changed.</source>
        <translation>每个序列的类型根据其描述推测；如有错误请更正。第一个序列（T1、T1ce、T2、FLAIR）决定网格。序列以不含患者姓名或 ID 的 NIfTI 形式复制到工作区；DICOM 文件从不被修改。</translation>
    </message>
    <message>
        <source>T1 (t1n)</source>
        <translation>T1 (t1n)</translation>
    </message>
    <message>
        <source>T1ce (t1c)</source>
        <translation>T1ce (t1c)</translation>
    </message>
    <message>
        <source>T2 (t2w)</source>
        <translation>T2 (t2w)</translation>
    </message>
    <message>
        <source>FLAIR (t2f)</source>
        <translation>FLAIR (t2f)</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>（不使用）</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not read (not DICOM, truncated or compressed in a way this program does not read).</source>
        <translation>
            <numerusform>%n 个文件未读取（不是 DICOM、被截断或使用本程序无法读取的压缩方式）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tiss::ui::OpenDicomModel</name>
    <message>
        <source>Opening a DICOM folder</source>
        <translation>打开 DICOM 文件夹</translation>
    </message>
    <message numerus="yes">
        <source>series %1: %2 (%n slices)</source>
        <translation>
            <numerusform>序列 %1：%2（%n 层）</numerusform>
        </translation>
    </message>
    <message>
        <source>No MR series in this folder.</source>
        <translation>此文件夹中没有 MR 序列。</translation>
    </message>
    <message>
        <source>The case id must not be empty, start with a dot or hold a slash.</source>
        <translation>病例 ID 不能为空、不能以点开头，也不能包含斜杠。</translation>
    </message>
    <message>
        <source>No series is used: choose the sequence of at least one series.</source>
        <translation>没有使用任何序列：请至少为一个序列选择类型。</translation>
    </message>
    <message>
        <source>Importing the DICOM series</source>
        <translation>导入 DICOM 序列</translation>
    </message>
    <message>
        <source>Keeping the case in the workspace</source>
        <translation>在工作区中保存病例</translation>
    </message>
</context>
<context>
    <name>tiss::ui::OverlayPanel</name>
    <message>
        <source>Overlay</source>
        <translation>叠加层</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Contour</source>
        <translation>轮廓</translation>
    </message>
    <message>
        <source>Probability map</source>
        <translation>概率图</translation>
    </message>
</context>
<context>
    <name>tiss::ui::PacsDialog</name>
    <message>
        <source>Open from PACS</source>
        <translation>从 PACS 打开</translation>
    </message>
    <message>
        <source>Server: %1 at %2:%3, we are %4 (change it in Settings)</source>
        <translation>服务器：%1，位于 %2:%3，本机为 %4（可在设置中更改）</translation>
    </message>
    <message>
        <source>e.g. Doe* (wildcards * and ?)</source>
        <translation>例如 Zhang*（通配符 * 和 ?）</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>任意日期</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者 ID</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>模态</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>&amp;Retrieve and Open</source>
        <translation>获取并打开(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel retrieval</source>
        <translation>取消获取</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Series of the chosen study (MR series ticked)</source>
        <translation>所选检查的序列（已勾选 MR 序列）</translation>
    </message>
</context>
<context>
    <name>tiss::ui::PacsModel</name>
    <message>
        <source>Searching %1…</source>
        <translation>正在搜索 %1…</translation>
    </message>
    <message>
        <source>Searching the PACS</source>
        <translation>搜索 PACS</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found</source>
        <translation>
            <numerusform>找到 %n 个检查</numerusform>
        </translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者 ID</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>模态</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Listing the series…</source>
        <translation>正在列出序列…</translation>
    </message>
    <message>
        <source>Listing the series</source>
        <translation>列出序列</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n 个序列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %3  (%n image(s))</source>
        <translation>
            <numerusform>%1  %2  %3  （%n 幅图像）</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick at least one series to retrieve.</source>
        <translation>请至少勾选一个要获取的序列。</translation>
    </message>
    <message numerus="yes">
        <source>Retrieving %n series…</source>
        <translation>
            <numerusform>正在获取 %n 个序列…</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieval cancelled; the files already received stay in %1.</source>
        <translation>获取已取消；已接收的文件保留在 %1。</translation>
    </message>
    <message>
        <source>Retrieving the series</source>
        <translation>获取序列</translation>
    </message>
    <message>
        <source>Retrieved into %1</source>
        <translation>已获取到 %1</translation>
    </message>
</context>
<context>
    <name>tiss::ui::PaperFigureDialog</name>
    <message>
        <source>Paper Figure</source>
        <translation>论文插图</translation>
    </message>
    <message>
        <source>Largest tumor slice of each case</source>
        <translation>每个病例肿瘤最大的切片</translation>
    </message>
    <message>
        <source>Fixed slice</source>
        <translation>固定切片</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Ground truth contoured in yellow, results in green.</source>
        <translation>金标准以黄色轮廓显示，结果以绿色显示。</translation>
    </message>
    <message>
        <source>Cases (rows)</source>
        <translation>病例（行）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>切片</translation>
    </message>
    <message>
        <source>Fixed slice index</source>
        <translation>固定切片序号</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Resolution (PNG)</source>
        <translation>分辨率（PNG）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Figure written.</source>
        <translation>图片已写出。</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;SVG drawing (*.svg);;PNG image (*.png)</source>
        <translation>PDF 文档 (*.pdf);;SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n case(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个病例…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tiss::ui::PaperFigureModel</name>
    <message>
        <source>Building the figure</source>
        <translation>生成图片</translation>
    </message>
</context>
<context>
    <name>tiss::ui::ResultsTableModel</name>
    <message>
        <source>%1 (n = %2)</source>
        <translation>%1（n = %2）</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Baseline of the comparisons</source>
        <translation>比较的基线</translation>
    </message>
    <message>
        <source>paired t-test</source>
        <translation>配对 t 检验</translation>
    </message>
    <message>
        <source>Wilcoxon signed-rank test (exact)</source>
        <translation>Wilcoxon 符号秩检验（精确）</translation>
    </message>
    <message>
        <source>Wilcoxon signed-rank test (normal approximation)</source>
        <translation>Wilcoxon 符号秩检验（正态近似）</translation>
    </message>
    <message>
        <source>no correction</source>
        <translation>无校正</translation>
    </message>
    <message>
        <source>Holm correction</source>
        <translation>Holm 校正</translation>
    </message>
    <message>
        <source>Bonferroni correction</source>
        <translation>Bonferroni 校正</translation>
    </message>
    <message numerus="yes">
        <source>p = %1, adjusted p = %2 (%3 against %4, %5, %n case(s))</source>
        <translation>
            <numerusform>p = %1，校正后 p = %2（%3，对比 %4，%5，%n 个病例）</numerusform>
        </translation>
    </message>
    <message>
        <source>difference %1, 95 % CI [%2, %3]</source>
        <translation>差值 %1，95% 置信区间 [%2, %3]</translation>
    </message>
    <message>
        <source>Not shown different from %1 (which does not mean equal).</source>
        <translation>未显示与 %1 有差异（这并不意味着相等）。</translation>
    </message>
    <message>
        <source>two-sided paired t-test</source>
        <translation>双侧配对 t 检验</translation>
    </message>
    <message>
        <source>two-sided Wilcoxon signed-rank test</source>
        <translation>双侧 Wilcoxon 符号秩检验</translation>
    </message>
    <message numerus="yes">
        <source>Holm correction over each metric&apos;s %n comparison(s)</source>
        <translation>
            <numerusform>对每个指标的 %n 次比较进行 Holm 校正</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bonferroni correction over each metric&apos;s %n comparison(s)</source>
        <translation>
            <numerusform>对每个指标的 %n 次比较进行 Bonferroni 校正</numerusform>
        </translation>
    </message>
    <message>
        <source>† adjusted p &lt; %1 against %2: %3, %4; n = %5 paired cases. No mark: not shown different, which does not mean equal.</source>
        <translation>† 校正后 p &lt; %1（对比 %2）：%3，%4；n = %5 个配对病例。无标记：未显示差异，这并不意味着相等。</translation>
    </message>
    <message>
        <source>The paper&apos;s convention (uncorrected), kept to reproduce it.</source>
        <translation>论文的约定（未校正），为复现而保留。</translation>
    </message>
    <message>
        <source>Fewer than 10 pairs: only large differences can be shown (detectable differences on hover).</source>
        <translation>少于 10 对：只能显示较大的差异（悬停查看可检测的差异）。</translation>
    </message>
</context>
<context>
    <name>tiss::ui::RunMonitor</name>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
</context>
<context>
    <name>tiss::ui::RunsModel</name>
    <message>
        <source>%1 / %2 (%3 %)</source>
        <translation>%1 / %2（%3 %）</translation>
    </message>
    <message>
        <source>%1 it/s</source>
        <translation>%1 次/秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Best val. Dice</source>
        <translation>最佳验证 Dice</translation>
    </message>
</context>
<context>
    <name>tiss::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Automatic (CUDA when available)</source>
        <translation>自动（可用时使用 CUDA）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA (GPU 0)</source>
        <translation>CUDA（GPU 0）</translation>
    </message>
    <message>
        <source>Compute device</source>
        <translation>计算设备</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>训练运行文件夹</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Runs training at once</source>
        <translation>同时训练的运行数</translation>
    </message>
    <message>
        <source>The PACS may have to know this title (and allow it to query and retrieve)</source>
        <translation>PACS 可能需要知道此名称（并允许其查询和获取）</translation>
    </message>
    <message>
        <source>PACS host</source>
        <translation>PACS 主机</translation>
    </message>
    <message>
        <source>PACS DICOM port</source>
        <translation>PACS DICOM 端口</translation>
    </message>
    <message>
        <source>PACS AE title</source>
        <translation>PACS AE 名称</translation>
    </message>
    <message>
        <source>Our AE title</source>
        <translation>本机 AE 名称</translation>
    </message>
    <message>
        <source>DICOM TLS (where the PACS offers it on this port)</source>
        <translation>DICOM TLS（PACS 在此端口提供时）</translation>
    </message>
    <message>
        <source>none: encrypted, but the PACS is not authenticated</source>
        <translation>无：已加密，但不验证 PACS 身份</translation>
    </message>
    <message>
        <source>PACS security</source>
        <translation>PACS 安全</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>受信任的证书</translation>
    </message>
</context>
<context>
    <name>tiss::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>tiss::ui::SweepModel</name>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>inference</source>
        <translation>推理中</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>评估中</translation>
    </message>
    <message>
        <source>waiting for a shared run</source>
        <translation>等待共享运行</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>%1 (shared)</source>
        <translation>%1（共享）</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>No sweep open.</source>
        <translation>未打开扫描。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n job(s) finished</source>
        <translation>
            <numerusform>%n 个任务中 %1 个已完成</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 running, %2 queued</source>
        <translation>，%1 个运行中，%2 个排队</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>，%1 个失败</translation>
    </message>
    <message>
        <source>, %1 cancelled</source>
        <translation>，%1 个已取消</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <source>Best so far: none finished yet</source>
        <translation>目前最佳：尚无完成</translation>
    </message>
    <message>
        <source>Best so far: %1 (%2), %3 %4</source>
        <translation>目前最佳：%1（%2），%3 %4</translation>
    </message>
    <message>
        <source>finished, metrics unreadable</source>
        <translation>已完成，指标无法读取</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>tiss::ui::SweepPanel</name>
    <message>
        <source>Pausing or resuming the sweep</source>
        <translation>暂停或继续扫描</translation>
    </message>
    <message>
        <source>Cancelling the job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Retrying the job</source>
        <translation>重试任务</translation>
    </message>
    <message>
        <source>New Sweep…</source>
        <translation>新建扫描…</translation>
    </message>
    <message>
        <source>Open Sweep…</source>
        <translation>打开扫描…</translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Retry Job</source>
        <translation>重试任务</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Start the scheduler for this sweep (none drives it now)</source>
        <translation>为此扫描启动调度器（目前没有调度器在运行它）</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>Export Per-Case CSV…</source>
        <translation>导出逐病例 CSV…</translation>
    </message>
    <message>
        <source>Export Plot…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Metric vs value</source>
        <translation>指标随取值变化</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>热图</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Scheduler running</source>
        <translation>调度器运行中</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>LaTeX (*.tex);;Markdown (*.md);;CSV (*.csv)</source>
        <translation>LaTeX (*.tex);;Markdown (*.md);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Export Per-Case Metrics</source>
        <translation>导出逐病例指标</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting per-case metrics</source>
        <translation>导出逐病例指标</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The plot could not be written to %1.</source>
        <translation>无法将图表写入 %1。</translation>
    </message>
    <message>
        <source>Every swept value side by side</source>
        <translation>所有扫描参数并排显示</translation>
    </message>
    <message>
        <source> (‡ GT-centred test-time crop)</source>
        <translation>（‡ 以真实标注为中心的测试裁剪）</translation>
    </message>
    <message>
        <source>Runs on Slurm (sweep.sbatch): followed here, started by its array tasks</source>
        <translation>在 Slurm 上运行（sweep.sbatch）：此处跟踪，由其数组任务启动</translation>
    </message>
    <message>
        <source>No scheduler (closed workbench)</source>
        <translation>无调度器（工作台已关闭）</translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation>平行坐标</translation>
    </message>
    <message>
        <source>Synthesis quality vs metric (Pareto front)</source>
        <translation>合成质量对指标(帕累托前沿)</translation>
    </message>
    <message>
        <source>Baseline (†: adjusted p &lt; 0.05, p on hover):</source>
        <translation>基线（†：校正后 p &lt; 0.05，悬停查看 p）：</translation>
    </message>
    <message>
        <source>Test:</source>
        <translation>检验：</translation>
    </message>
    <message>
        <source>paired t-test</source>
        <translation>配对 t 检验</translation>
    </message>
    <message>
        <source>Wilcoxon signed-rank</source>
        <translation>Wilcoxon 符号秩</translation>
    </message>
    <message>
        <source>Holm</source>
        <translation>Holm</translation>
    </message>
    <message>
        <source>Bonferroni</source>
        <translation>Bonferroni</translation>
    </message>
    <message>
        <source>no correction</source>
        <translation>无校正</translation>
    </message>
</context>
<context>
    <name>tiss::ui::SweepPlot</name>
    <message>
        <source>%1, mean ± sd over cases</source>
        <translation>%1，病例间均值 ± 标准差</translation>
    </message>
    <message>
        <source>each axis from its lowest to its highest value</source>
        <translation>每条轴从其最小值到最大值</translation>
    </message>
    <message>
        <source>every point</source>
        <translation>所有点</translation>
    </message>
    <message>
        <source>Pareto front (no point better on both)</source>
        <translation>帕累托前沿(没有点在两者上都更好)</translation>
    </message>
    <message>
        <source>No trial has both %1 and %2 (synthesis scores need an evaluation with the synthesized image)</source>
        <translation>没有试验同时具有 %1 和 %2（合成评分需要对合成图像进行评估）</translation>
    </message>
    <message>
        <source>a synthesis score</source>
        <translation>合成评分</translation>
    </message>
</context>
<context>
    <name>tiss::ui::TrainingDialog</name>
    <message>
        <source>New Training Run</source>
        <translation>新建训练运行</translation>
    </message>
    <message>
        <source>Paper defaults</source>
        <translation>论文默认值</translation>
    </message>
    <message>
        <source>Quick CPU demo</source>
        <translation>快速 CPU 演示</translation>
    </message>
    <message>
        <source>Copy from run…</source>
        <translation>从运行复制…</translation>
    </message>
    <message>
        <source>LibTorch default</source>
        <translation>LibTorch 默认</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Data set folder</source>
        <translation>数据集文件夹</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>运行名称</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Copy the configuration of a run</source>
        <translation>复制某次运行的配置</translation>
    </message>
    <message>
        <source>Data-parallel training: this many processes, each with its own share of every batch and its own device (CUDA device per process when there are several GPUs); gradients are averaged over them.</source>
        <translation>数据并行训练：使用这么多个进程，每个进程处理每个批次的一部分并使用自己的设备（有多块 GPU 时每个进程一块 CUDA GPU）；梯度在各进程间求平均。</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
</context>
<context>
    <name>tiss::ui::TrainingFormModel</name>
    <message>
        <source>Stage tissnet needs a trained S_p: set runs.sp to an sp run folder.</source>
        <translation>tissnet 阶段需要已训练的 S_p：请将 runs.sp 设为一个 sp 运行文件夹。</translation>
    </message>
    <message>
        <source>Stage seg-synth needs a synthesis run: set runs.synthesis to its folder.</source>
        <translation>seg-synth 阶段需要一个合成运行：请将 runs.synthesis 设为其文件夹。</translation>
    </message>
    <message>
        <source>Choose a data set folder.</source>
        <translation>请选择数据集文件夹。</translation>
    </message>
    <message>
        <source>Give the run a name (a folder name, no &apos;/&apos;).</source>
        <translation>请为运行命名（文件夹名，不含 &apos;/&apos;）。</translation>
    </message>
</context>
<context>
    <name>tiss::viewers::ComparisonView</name>
    <message>
        <source>Dice %1 % (slice), %2 % (volume)</source>
        <translation>Dice %1 %（切片），%2 %（体积）</translation>
    </message>
    <message>
        <source>voxel (%1, %2, %3)   %4, %5, %6 mm</source>
        <translation>体素 (%1, %2, %3)   %4, %5, %6 mm</translation>
    </message>
</context>
<context>
    <name>tiss::viewers::SliceView</name>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
</context>
</TS>
