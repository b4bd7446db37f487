//! The organiser's dashboard's words (`organiser.html` only): apart from
//! [`super::OrganiserMsg`], which kiosk mode's organiser panel also
//! carries, so that neither the respondent's download nor the kiosk's
//! holds them. Same languages and fallback as the widget's words.

use super::{plural, words_language};
use crate::text::Locale;

/// Something the dashboard says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DashboardMsg {
    /// The dashboard's heading.
    DashboardHeading,
    /// The file picker for the widget's JSON exports.
    OpenExports,
    /// What the dashboard counts: responses, from how many sources, copies
    /// counted once, ids with two bodies counted in no table.
    Counted {
        responses: usize,
        sources: usize,
        duplicates: usize,
        conflicts: usize,
    },
    /// A file that is no export: its name and why.
    FileRefused {
        name: String,
        why: String,
    },
    /// A hidden count, in a table or beside a bar.
    Hidden,
    /// What a hidden count means.
    HiddenLegend {
        k: u64,
    },
    /// The name of one of the dashboard's own codes (`(total)`,
    /// `complete`, `promoters`...); None for an answer's code.
    Code(String),
    /// The columns of a chart's data table.
    ColumnAnswer,
    ColumnCount,
    ColumnShare,
    /// The overview's tables: `responses`, `day`, `language`, `source`.
    OverviewTitle(&'static str),
    /// A chart's description: how many bars, and that the table has them.
    ChartDesc {
        bars: usize,
    },
    /// A figure: `mean`, `nps` or `mean_rank` (of `of`), its value or hidden.
    Figure {
        table: &'static str,
        of: String,
        value: Option<String>,
    },
    /// The aggregate CSV's download.
    DownloadAggregate,
    /// The file picker for a population baseline.
    OpenBaseline,
    /// Reach's title, for the question `of`, and the baseline's source.
    ReachTitle {
        of: String,
        source: String,
    },
    /// Reach's data table's extra columns.
    ColumnBaseline,
    ColumnRatio,
    /// The breakdown's heading, its two choices and its first column.
    BreakdownHeading,
    BreakdownOf,
    BreakdownBy,
    ColumnGroup,
    /// A breakdown's title: `of` by `by`.
    BreakdownTitle {
        of: String,
        by: String,
    },
}

/// The message in `locale`'s language, or in English when the widget does
/// not speak it.
pub fn dashboard_text(locale: &Locale, msg: &DashboardMsg) -> String {
    match words_language(locale) {
        "id" => id(msg),
        "ar" => ar(msg),
        _ => en(msg),
    }
}

fn en(msg: &DashboardMsg) -> String {
    match msg {
        DashboardMsg::DashboardHeading => "Dashboard".into(),
        DashboardMsg::OpenExports => "Add the widget's JSON export files".into(),
        DashboardMsg::Counted { responses, sources, duplicates, conflicts } => format!(
            "{} from {}; {duplicates} copies counted once; {conflicts} ids with two different answers, counted in no table.",
            plural(*responses, "response", "responses"),
            plural(*sources, "source", "sources")
        ),
        DashboardMsg::FileRefused { name, why } => format!("{name} is not a Suara export: {why}"),
        DashboardMsg::Hidden => "hidden".into(),
        DashboardMsg::HiddenLegend { k } => format!("Hidden: a count of fewer than {k}, or one hidden so that a count of fewer than {k} cannot be worked out from the totals. A group of fewer than {k} is not broken down."),
        DashboardMsg::Code(code) => code_en(code).into(),
        DashboardMsg::ColumnAnswer => "Answer".into(),
        DashboardMsg::ColumnCount => "Count".into(),
        DashboardMsg::ColumnShare => "Share".into(),
        DashboardMsg::OverviewTitle(t) => match *t {
            "responses" => "Responses",
            "day" => "Complete responses per day",
            "language" => "Complete responses per language",
            _ => "Complete responses per source",
        }
        .into(),
        DashboardMsg::ChartDesc { bars } => format!("A bar chart of {}; the table beside it holds the same figures.", plural(*bars, "bar", "bars")),
        DashboardMsg::Figure { table, of, value } => {
            let what = match *table {
                "mean" => "Mean".to_owned(),
                "nps" => "Net Promoter Score".to_owned(),
                _ => format!("Mean rank of {of}"),
            };
            format!("{what}: {}", value.as_deref().unwrap_or("hidden"))
        }
        DashboardMsg::DownloadAggregate => "Download the aggregate CSV".into(),
        DashboardMsg::OpenBaseline => "Add a population baseline (JSON) for reach".into(),
        DashboardMsg::ReachTitle { of, source } => format!("Reach: {of} (population: {source})"),
        DashboardMsg::ColumnBaseline => "Population share".into(),
        DashboardMsg::ColumnRatio => "Reach ratio".into(),
        DashboardMsg::BreakdownHeading => "Break a question down".into(),
        DashboardMsg::BreakdownOf => "Question".into(),
        DashboardMsg::BreakdownBy => "By the answers to".into(),
        DashboardMsg::ColumnGroup => "Group".into(),
        DashboardMsg::BreakdownTitle { of, by } => format!("{of}, by {by}"),
    }
}

/// English names of the dashboard's own codes.
fn code_en(code: &str) -> &str {
    match code {
        "(total)" => "Total",
        "(unanswered)" => "Not answered",
        "(answered)" => "Answered",
        "(stated)" => "Gave an answer (not prefer not to say)",
        "(invalid)" => "Not an answer of this question",
        "(only_prefer_not_to_say)" => "Only prefer not to say",
        "complete" => "Complete",
        "partial" => "Partial (kept by a kiosk)",
        "detractors" => "Detractors (0 to 6)",
        "passives" => "Passives (7, 8)",
        "promoters" => "Promoters (9, 10)",
        other => other,
    }
}

fn id(msg: &DashboardMsg) -> String {
    match msg {
        DashboardMsg::DashboardHeading => "Dasbor".into(),
        DashboardMsg::OpenExports => "Tambahkan berkas ekspor JSON dari widget".into(),
        DashboardMsg::Counted { responses, sources, duplicates, conflicts } => format!(
            "{responses} jawaban dari {sources} sumber; {duplicates} salinan dihitung sekali; {conflicts} id dengan dua jawaban berbeda, tidak dihitung di tabel mana pun."
        ),
        DashboardMsg::FileRefused { name, why } => format!("{name} bukan ekspor Suara: {why}"),
        DashboardMsg::Hidden => "disembunyikan".into(),
        DashboardMsg::HiddenLegend { k } => format!("Disembunyikan: jumlah kurang dari {k}, atau jumlah yang disembunyikan agar jumlah kurang dari {k} tidak dapat dihitung dari totalnya. Kelompok kurang dari {k} tidak dirinci."),
        DashboardMsg::Code(code) => match code.as_str() {
            "(total)" => "Total",
            "(unanswered)" => "Tidak dijawab",
            "(answered)" => "Dijawab",
            "(stated)" => "Menjawab (bukan memilih tidak menjawab)",
            "(invalid)" => "Bukan jawaban pertanyaan ini",
            "(only_prefer_not_to_say)" => "Hanya memilih tidak menjawab",
            "complete" => "Lengkap",
            "partial" => "Sebagian (disimpan kios)",
            "detractors" => "Kritikus (0 sampai 6)",
            "passives" => "Pasif (7, 8)",
            "promoters" => "Promotor (9, 10)",
            other => other,
        }
        .into(),
        DashboardMsg::ColumnAnswer => "Jawaban".into(),
        DashboardMsg::ColumnCount => "Jumlah".into(),
        DashboardMsg::ColumnShare => "Bagian".into(),
        DashboardMsg::OverviewTitle(t) => match *t {
            "responses" => "Jawaban",
            "day" => "Jawaban lengkap per hari",
            "language" => "Jawaban lengkap per bahasa",
            _ => "Jawaban lengkap per sumber",
        }
        .into(),
        DashboardMsg::ChartDesc { bars } => format!("Diagram batang dengan {bars} batang; tabel di sampingnya memuat angka yang sama."),
        DashboardMsg::Figure { table, of, value } => {
            let what = match *table {
                "mean" => "Rata-rata".to_owned(),
                "nps" => "Net Promoter Score".to_owned(),
                _ => format!("Peringkat rata-rata {of}"),
            };
            format!("{what}: {}", value.as_deref().unwrap_or("disembunyikan"))
        }
        DashboardMsg::DownloadAggregate => "Unduh CSV agregat".into(),
        DashboardMsg::OpenBaseline => "Tambahkan baseline penduduk (JSON) untuk jangkauan".into(),
        DashboardMsg::ReachTitle { of, source } => format!("Jangkauan: {of} (penduduk: {source})"),
        DashboardMsg::ColumnBaseline => "Bagian penduduk".into(),
        DashboardMsg::ColumnRatio => "Rasio jangkauan".into(),
        DashboardMsg::BreakdownHeading => "Rinci sebuah pertanyaan".into(),
        DashboardMsg::BreakdownOf => "Pertanyaan".into(),
        DashboardMsg::BreakdownBy => "Menurut jawaban atas".into(),
        DashboardMsg::ColumnGroup => "Kelompok".into(),
        DashboardMsg::BreakdownTitle { of, by } => format!("{of}, menurut {by}"),
    }
}

fn ar(msg: &DashboardMsg) -> String {
    match msg {
        DashboardMsg::DashboardHeading => "لوحة المعلومات".into(),
        DashboardMsg::OpenExports => "أضف ملفات التصدير JSON من الأداة".into(),
        DashboardMsg::Counted { responses, sources, duplicates, conflicts } => format!(
            "عدد الإجابات: {responses} من {sources} من المصادر؛ النسخ المكررة تُحسب مرة واحدة ({duplicates})؛ معرّفات بإجابتين مختلفتين لا تُحسب في أي جدول ({conflicts})."
        ),
        DashboardMsg::FileRefused { name, why } => format!("{name} ليس ملف تصدير من Suara: {why}"),
        DashboardMsg::Hidden => "مخفي".into(),
        DashboardMsg::HiddenLegend { k } => format!("مخفي: عدد أقل من {k}، أو عدد أُخفي كي لا يُستنتج عدد أقل من {k} من المجاميع. لا تُفصَّل مجموعة أقل من {k}."),
        DashboardMsg::Code(code) => match code.as_str() {
            "(total)" => "المجموع",
            "(unanswered)" => "بلا إجابة",
            "(answered)" => "أجاب",
            "(stated)" => "أجاب (لا «أفضّل عدم الإجابة»)",
            "(invalid)" => "ليست إجابة لهذا السؤال",
            "(only_prefer_not_to_say)" => "«أفضّل عدم الإجابة» فقط",
            "complete" => "مكتملة",
            "partial" => "جزئية (احتفظ بها الكشك)",
            "detractors" => "المنتقدون (0 إلى 6)",
            "passives" => "المحايدون (7، 8)",
            "promoters" => "المروّجون (9، 10)",
            other => other,
        }
        .into(),
        DashboardMsg::ColumnAnswer => "الإجابة".into(),
        DashboardMsg::ColumnCount => "العدد".into(),
        DashboardMsg::ColumnShare => "النسبة".into(),
        DashboardMsg::OverviewTitle(t) => match *t {
            "responses" => "الإجابات",
            "day" => "الإجابات المكتملة في كل يوم",
            "language" => "الإجابات المكتملة لكل لغة",
            _ => "الإجابات المكتملة لكل مصدر",
        }
        .into(),
        DashboardMsg::ChartDesc { bars } => format!("مخطط أعمدة ({bars})؛ الجدول المجاور يحمل الأرقام نفسها."),
        DashboardMsg::Figure { table, of, value } => {
            let what = match *table {
                "mean" => "المتوسط".to_owned(),
                "nps" => "صافي نقاط الترويج".to_owned(),
                _ => format!("متوسط ترتيب {of}"),
            };
            format!("{what}: {}", value.as_deref().unwrap_or("مخفي"))
        }
        DashboardMsg::DownloadAggregate => "تنزيل ملف CSV الإجمالي".into(),
        DashboardMsg::OpenBaseline => "أضف خط أساس للسكان (JSON) لقياس الوصول".into(),
        DashboardMsg::ReachTitle { of, source } => format!("الوصول: {of} (السكان: {source})"),
        DashboardMsg::ColumnBaseline => "نسبة السكان".into(),
        DashboardMsg::ColumnRatio => "نسبة الوصول".into(),
        DashboardMsg::BreakdownHeading => "تفصيل سؤال".into(),
        DashboardMsg::BreakdownOf => "السؤال".into(),
        DashboardMsg::BreakdownBy => "حسب الإجابات عن".into(),
        DashboardMsg::ColumnGroup => "المجموعة".into(),
        DashboardMsg::BreakdownTitle { of, by } => format!("{of}، حسب {by}"),
    }
}
