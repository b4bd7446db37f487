//! The widget's own words (buttons, errors, messages) in every language it
//! speaks. Survey text comes from the survey file; this is everything else.
//!
//! Adding a language: write one more `fn xx(msg: &Msg) -> String` below with
//! a `match` over every message (the compiler refuses a missing one), and add
//! it to [`UI_LANGUAGES`] and [`text`].
//!
//! The survey author's messages (what is wrong with a survey file) are in
//! [`author`], in English and Indonesian only: see [`problem_line`]. The
//! organiser's page's words are in [`OrganiserMsg`], apart, so that the
//! respondent's download has none of them; kiosk mode's are in
//! [`KioskMsg`], for the same reason.

mod author;
mod dashboard;
mod kiosk;
mod organiser;

pub use author::{author_locale, problem_line, problem_lines, AUTHOR_LANGUAGES};
pub use dashboard::{dashboard_text, DashboardMsg};
pub use kiosk::{kiosk_text, KioskMsg};
pub use organiser::{organiser_text, OrganiserMsg};

use crate::answer::AnswerError;
use crate::text::Locale;

/// Languages the widget's own words exist in; other locales use English.
pub const UI_LANGUAGES: &[&str] = &["en", "id", "ar"];

/// Something the widget says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Submit,
    /// The buttons between pages.
    Next,
    Back,
    /// Where the person is: "Page 2 of 3".
    PageOf {
        n: usize,
        of: usize,
    },
    /// Heading of the review step.
    CheckAnswers,
    /// The review step's button that goes back to one question.
    Change,
    /// A question left without an answer, in the review step.
    NotAnswered,
    Sending,
    /// Sent to the endpoint.
    Sent,
    /// Stored, and being sent now.
    SavedSending,
    /// Stored, the endpoint not reached yet.
    SavedWillRetry,
    /// Stored; no endpoint configured.
    SavedLocal,
    /// Could not even be stored on the device (the answers stay on screen).
    SaveFailed(String),
    /// Heading of the thank-you screen.
    ThankYou,
    NewResponse,
    /// "Please fix N problems" above the error list.
    ErrorSummary(usize),
    Answer(AnswerError),
    /// Marker after a required question's label.
    RequiredMarker,
    Other,
    OtherDescribe,
    /// Accessible name of a star: "3 of 5 stars".
    Stars {
        n: u8,
        max: u8,
    },
    NpsLow,
    NpsHigh,
    /// The two answers of a `yes_no` question.
    Yes,
    No,
    /// The empty first entry of a drop-down without a placeholder.
    Choose,
    /// A point of an agree scale, placed on the 7-point scale: 1 "Strongly
    /// disagree", 2 "Disagree", 3 "Somewhat disagree", 4 "Neither agree nor
    /// disagree", 5 "Somewhat agree", 6 "Agree", 7 "Strongly agree" (see
    /// [`Msg::likert`]).
    Agree(u8),
    /// A face, placed on the 5-face scale: 1 "Very unhappy", 2 "Unhappy",
    /// 3 "Neutral", 4 "Happy", 5 "Very happy" (see [`Msg::face`]).
    Face(u8),
    CharactersLeft(i64),
    /// Accessible names of a ranking's buttons: "Move Jobs up", "Move Jobs down".
    MoveUp(String),
    MoveDown(String),
    /// Said after a move: "Jobs, now 2 of 5".
    Ranked {
        item: String,
        at: usize,
        of: usize,
    },
    /// The box that makes a ranking's order, as shown, the answer.
    KeepOrder,
    /// The respondent's page's heading when the survey or a setting is
    /// broken: it says no more, the author reads why on the organiser's page.
    CannotStart,
    /// How many problems stop the survey.
    StoppedBy(usize),
    /// The link to the organiser's page, where the author reads them.
    ProblemsLink,
    Language,
    /// A draft from an earlier visit was put back into the form.
    DraftRestored,
    StartOver,
    /// Offered when a response could not be stored: take it off the device.
    DownloadResponse,
}

impl Msg {
    /// The words of answer `n` (1 to `points`) of a 5- or 7-point agree scale.
    pub fn likert(n: u8, points: u8) -> Msg {
        // The 5-point scale has no "somewhat".
        let five = [1, 2, 4, 6, 7];
        Msg::Agree(if points == 7 {
            n
        } else {
            five.get(usize::from(n.max(1) - 1)).copied().unwrap_or(n)
        })
    }

    /// The words of face `n` (1 to `faces`) of a 3- or 5-face scale: three
    /// faces are unhappy, neutral and happy.
    pub fn face(n: u8, faces: u8) -> Msg {
        Msg::Face(if faces == 3 { n + 1 } else { n })
    }
}

/// The face shown for [`Msg::Face`] `level` (1 to 5). The widget hides it
/// from screen readers: the face's words are the answer's name. Faces of
/// Unicode 6 only: 🙁 and 🙂 came later and are missing from older tablets'
/// fonts, which a kiosk may well be.
pub fn face_glyph(level: u8) -> &'static str {
    match level {
        1 => "😞",
        2 => "😟",
        3 => "😐",
        4 => "😊",
        _ => "😄",
    }
}

/// The message in `locale`'s language, or in English when the widget does
/// not speak it.
pub fn text(locale: &Locale, msg: &Msg) -> String {
    match words_language(locale) {
        "id" => id(msg),
        "ar" => ar(msg),
        _ => en(msg),
    }
}

/// The language the widget's own words are in for `locale`: that language
/// when the widget speaks it (one of [`UI_LANGUAGES`]), else English.
pub fn words_language(locale: &Locale) -> &'static str {
    let language = locale.language();
    UI_LANGUAGES
        .iter()
        .find(|l| **l == language)
        .copied()
        .unwrap_or("en")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn en(msg: &Msg) -> String {
    match msg {
        Msg::Submit => "Submit".into(),
        Msg::Next => "Next".into(),
        Msg::Back => "Back".into(),
        Msg::PageOf { n, of } => format!("Page {n} of {of}"),
        Msg::CheckAnswers => "Check your answers".into(),
        Msg::Change => "Change".into(),
        Msg::NotAnswered => "Not answered".into(),
        Msg::Sending => "Sending…".into(),
        Msg::Sent => "Your response has been sent. Thank you!".into(),
        Msg::SavedSending => "Your response is saved on this device and is being sent…".into(),
        Msg::SavedWillRetry => "Your response is saved on this device and will be sent when the connection is back.".into(),
        Msg::SavedLocal => "Your response is saved on this device.".into(),
        Msg::SaveFailed(why) => format!("Your response could not be saved on this device ({why}). Your answers are still here: please try again or tell the organiser."),
        Msg::ThankYou => "Thank you".into(),
        Msg::NewResponse => "Start a new response".into(),
        Msg::ErrorSummary(n) => format!("Please fix {} before going on", plural(*n, "problem", "problems")),
        Msg::Answer(e) => match e {
            AnswerError::Required => "This question needs an answer.".into(),
            AnswerError::TooLong { max, len } => format!("Please shorten this to {max} characters or fewer (now {len})."),
            AnswerError::OutOfRange { min, max } => format!("Please choose a number from {min} to {max}."),
            AnswerError::NotAnOption => "Please choose one of the options.".into(),
            AnswerError::OtherTextMissing => "Please describe your \"other\" answer.".into(),
            AnswerError::OtherTextTooLong { max } => format!("Please shorten the description to {max} characters or fewer."),
            AnswerError::ConsentRequired => "Please tick the box to agree before submitting.".into(),
            AnswerError::WrongType => "This answer has the wrong form; please answer again.".into(),
            AnswerError::NotANumber => "Please enter a number, such as 12 or 3.5.".into(),
            AnswerError::NotWhole => "Please enter a whole number.".into(),
            AnswerError::TooSmall { min } => format!("Please enter a number of at least {min}."),
            AnswerError::TooBig { max } => format!("Please enter a number of at most {max}."),
            AnswerError::NotADate => "Please enter a whole date: day, month and year.".into(),
            AnswerError::TooEarly { min } => format!("Please choose a date on or after {min}."),
            AnswerError::TooLate { max } => format!("Please choose a date on or before {max}."),
            AnswerError::RowsUnanswered { left } => format!("Please answer every statement ({left} still unanswered)."),
            AnswerError::Unranked => "Please put these in your order with the move buttons, or tick \"Keep this order\".".into(),
        },
        Msg::RequiredMarker => "(required)".into(),
        Msg::Other => "Other".into(),
        Msg::OtherDescribe => "Please describe".into(),
        Msg::Stars { n, max } => format!("{n} of {max} stars"),
        Msg::NpsLow => "0 = not at all likely".into(),
        Msg::NpsHigh => "10 = extremely likely".into(),
        Msg::Yes => "Yes".into(),
        Msg::No => "No".into(),
        Msg::Choose => "Choose…".into(),
        Msg::Agree(level) => match level {
            1 => "Strongly disagree",
            2 => "Disagree",
            3 => "Somewhat disagree",
            4 => "Neither agree nor disagree",
            5 => "Somewhat agree",
            6 => "Agree",
            _ => "Strongly agree",
        }
        .into(),
        Msg::Face(level) => match level {
            1 => "Very unhappy",
            2 => "Unhappy",
            3 => "Neutral",
            4 => "Happy",
            _ => "Very happy",
        }
        .into(),
        Msg::CharactersLeft(n) if *n < 0 => format!("{} too many", plural(n.unsigned_abs() as usize, "character", "characters")),
        Msg::CharactersLeft(n) => format!("{} left", plural(*n as usize, "character", "characters")),
        Msg::MoveUp(item) => format!("Move {item} up"),
        Msg::MoveDown(item) => format!("Move {item} down"),
        Msg::Ranked { item, at, of } => format!("{item}, now {at} of {of}"),
        Msg::KeepOrder => "Keep this order".into(),
        Msg::CannotStart => "This survey cannot start".into(),
        Msg::StoppedBy(n) => format!("The survey or its settings have {}.", plural(*n, "problem", "problems")),
        Msg::ProblemsLink => "The survey's author can read them on the organiser's page".into(),
        Msg::Language => "Language".into(),
        Msg::DraftRestored => "Your earlier answers on this device have been restored.".into(),
        Msg::StartOver => "Start over".into(),
        Msg::DownloadResponse => "Download this response".into(),
    }
}

fn id(msg: &Msg) -> String {
    match msg {
        Msg::Submit => "Kirim".into(),
        Msg::Next => "Lanjut".into(),
        Msg::Back => "Kembali".into(),
        Msg::PageOf { n, of } => format!("Halaman {n} dari {of}"),
        Msg::CheckAnswers => "Periksa jawaban Anda".into(),
        Msg::Change => "Ubah".into(),
        Msg::NotAnswered => "Tidak dijawab".into(),
        Msg::Sending => "Mengirim…".into(),
        Msg::Sent => "Jawaban Anda sudah terkirim. Terima kasih!".into(),
        Msg::SavedSending => "Jawaban Anda tersimpan di perangkat ini dan sedang dikirim…".into(),
        Msg::SavedWillRetry => "Jawaban Anda tersimpan di perangkat ini dan akan dikirim saat koneksi tersedia kembali.".into(),
        Msg::SavedLocal => "Jawaban Anda tersimpan di perangkat ini.".into(),
        Msg::SaveFailed(why) => format!("Jawaban Anda tidak dapat disimpan di perangkat ini ({why}). Jawaban Anda masih ada di sini: silakan coba lagi atau beri tahu penyelenggara."),
        Msg::ThankYou => "Terima kasih".into(),
        Msg::NewResponse => "Mulai jawaban baru".into(),
        Msg::ErrorSummary(n) => format!("Mohon perbaiki {n} masalah sebelum melanjutkan"),
        Msg::Answer(e) => match e {
            AnswerError::Required => "Pertanyaan ini wajib dijawab.".into(),
            AnswerError::TooLong { max, len } => format!("Mohon persingkat menjadi paling banyak {max} karakter (sekarang {len})."),
            AnswerError::OutOfRange { min, max } => format!("Mohon pilih angka dari {min} sampai {max}."),
            AnswerError::NotAnOption => "Mohon pilih salah satu pilihan.".into(),
            AnswerError::OtherTextMissing => "Mohon jelaskan jawaban \"lainnya\" Anda.".into(),
            AnswerError::OtherTextTooLong { max } => format!("Mohon persingkat penjelasan menjadi paling banyak {max} karakter."),
            AnswerError::ConsentRequired => "Mohon centang kotak persetujuan sebelum mengirim.".into(),
            AnswerError::WrongType => "Bentuk jawaban ini tidak sesuai; mohon jawab lagi.".into(),
            AnswerError::NotANumber => "Mohon isi dengan angka, misalnya 12 atau 3.5.".into(),
            AnswerError::NotWhole => "Mohon isi dengan bilangan bulat.".into(),
            AnswerError::TooSmall { min } => format!("Mohon isi angka paling kecil {min}."),
            AnswerError::TooBig { max } => format!("Mohon isi angka paling besar {max}."),
            AnswerError::NotADate => "Mohon isi tanggal lengkap: hari, bulan, dan tahun.".into(),
            AnswerError::TooEarly { min } => format!("Mohon pilih tanggal {min} atau sesudahnya."),
            AnswerError::TooLate { max } => format!("Mohon pilih tanggal {max} atau sebelumnya."),
            AnswerError::RowsUnanswered { left } => format!("Mohon jawab setiap pernyataan ({left} belum dijawab)."),
            AnswerError::Unranked => "Mohon susun urutan Anda dengan tombol pindah, atau centang \"Pertahankan urutan ini\".".into(),
        },
        Msg::RequiredMarker => "(wajib)".into(),
        Msg::Other => "Lainnya".into(),
        Msg::OtherDescribe => "Mohon jelaskan".into(),
        Msg::Stars { n, max } => format!("{n} dari {max} bintang"),
        Msg::NpsLow => "0 = sama sekali tidak mungkin".into(),
        Msg::NpsHigh => "10 = sangat mungkin".into(),
        Msg::Yes => "Ya".into(),
        Msg::No => "Tidak".into(),
        Msg::Choose => "Pilih…".into(),
        Msg::Agree(level) => match level {
            1 => "Sangat tidak setuju",
            2 => "Tidak setuju",
            3 => "Agak tidak setuju",
            4 => "Netral",
            5 => "Agak setuju",
            6 => "Setuju",
            _ => "Sangat setuju",
        }
        .into(),
        Msg::Face(level) => match level {
            1 => "Sangat tidak senang",
            2 => "Tidak senang",
            3 => "Biasa saja",
            4 => "Senang",
            _ => "Sangat senang",
        }
        .into(),
        Msg::CharactersLeft(n) if *n < 0 => format!("kelebihan {} karakter", n.unsigned_abs()),
        Msg::CharactersLeft(n) => format!("sisa {n} karakter"),
        Msg::MoveUp(item) => format!("Pindahkan {item} ke atas"),
        Msg::MoveDown(item) => format!("Pindahkan {item} ke bawah"),
        Msg::Ranked { item, at, of } => format!("{item}, sekarang {at} dari {of}"),
        Msg::KeepOrder => "Pertahankan urutan ini".into(),
        Msg::CannotStart => "Survei ini tidak dapat dimulai".into(),
        Msg::StoppedBy(n) => format!("Survei atau pengaturannya memiliki {n} masalah."),
        Msg::ProblemsLink => "Penyusun survei dapat membacanya di halaman penyelenggara".into(),
        Msg::Language => "Bahasa".into(),
        Msg::DraftRestored => "Jawaban Anda sebelumnya di perangkat ini telah dipulihkan.".into(),
        Msg::StartOver => "Mulai dari awal".into(),
        Msg::DownloadResponse => "Unduh jawaban ini".into(),
    }
}

/// Arabic: the right-to-left language that proves the layout mirrors.
fn ar(msg: &Msg) -> String {
    match msg {
        Msg::Submit => "إرسال".into(),
        Msg::Next => "التالي".into(),
        Msg::Back => "السابق".into(),
        Msg::PageOf { n, of } => format!("الصفحة {n} من {of}"),
        Msg::CheckAnswers => "راجع إجاباتك".into(),
        Msg::Change => "تغيير".into(),
        Msg::NotAnswered => "لم تتم الإجابة".into(),
        Msg::Sending => "جارٍ الإرسال…".into(),
        Msg::Sent => "تم إرسال إجابتك. شكرًا لك!".into(),
        Msg::SavedSending => "تم حفظ إجابتك على هذا الجهاز وجارٍ إرسالها…".into(),
        Msg::SavedWillRetry => "تم حفظ إجابتك على هذا الجهاز وسيتم إرسالها عند عودة الاتصال.".into(),
        Msg::SavedLocal => "تم حفظ إجابتك على هذا الجهاز.".into(),
        Msg::SaveFailed(why) => format!("تعذّر حفظ إجابتك على هذا الجهاز ({why}). إجاباتك ما زالت هنا: يُرجى المحاولة مرة أخرى أو إبلاغ المنظِّم."),
        Msg::ThankYou => "شكرًا لك".into(),
        Msg::NewResponse => "بدء إجابة جديدة".into(),
        Msg::ErrorSummary(n) => format!("يُرجى تصحيح المشكلات قبل المتابعة (عددها: {n})"),
        Msg::Answer(e) => match e {
            AnswerError::Required => "هذا السؤال يحتاج إلى إجابة.".into(),
            AnswerError::TooLong { max, len } => format!("يُرجى اختصار النص إلى {max} حرفًا أو أقل (الآن {len})."),
            AnswerError::OutOfRange { min, max } => format!("يُرجى اختيار رقم من {min} إلى {max}."),
            AnswerError::NotAnOption => "يُرجى اختيار أحد الخيارات.".into(),
            AnswerError::OtherTextMissing => "يُرجى وصف إجابتك «أخرى».".into(),
            AnswerError::OtherTextTooLong { max } => format!("يُرجى اختصار الوصف إلى {max} حرفًا أو أقل."),
            AnswerError::ConsentRequired => "يُرجى وضع علامة في المربع للموافقة قبل الإرسال.".into(),
            AnswerError::WrongType => "صيغة هذه الإجابة غير صحيحة؛ يُرجى الإجابة مرة أخرى.".into(),
            AnswerError::NotANumber => "يُرجى إدخال رقم، مثل 12 أو 3.5.".into(),
            AnswerError::NotWhole => "يُرجى إدخال عدد صحيح.".into(),
            AnswerError::TooSmall { min } => format!("يُرجى إدخال رقم لا يقل عن {min}."),
            AnswerError::TooBig { max } => format!("يُرجى إدخال رقم لا يزيد على {max}."),
            AnswerError::NotADate => "يُرجى إدخال تاريخ كامل: اليوم والشهر والسنة.".into(),
            AnswerError::TooEarly { min } => format!("يُرجى اختيار تاريخ في {min} أو بعده."),
            AnswerError::TooLate { max } => format!("يُرجى اختيار تاريخ في {max} أو قبله."),
            AnswerError::RowsUnanswered { left } => format!("يُرجى الإجابة عن كل عبارة (بقي {left} بلا إجابة)."),
            AnswerError::Unranked => "يُرجى ترتيب العناصر بأزرار النقل، أو وضع علامة على «الإبقاء على هذا الترتيب».".into(),
        },
        Msg::RequiredMarker => "(مطلوب)".into(),
        Msg::Yes => "نعم".into(),
        Msg::No => "لا".into(),
        Msg::Choose => "اختر…".into(),
        Msg::Agree(level) => match level {
            1 => "لا أوافق بشدة",
            2 => "لا أوافق",
            3 => "لا أوافق إلى حد ما",
            4 => "محايد",
            5 => "أوافق إلى حد ما",
            6 => "أوافق",
            _ => "أوافق بشدة",
        }
        .into(),
        Msg::Face(level) => match level {
            1 => "غير سعيد جدًا",
            2 => "غير سعيد",
            3 => "محايد",
            4 => "سعيد",
            _ => "سعيد جدًا",
        }
        .into(),
        Msg::Other => "أخرى".into(),
        Msg::OtherDescribe => "يُرجى التوضيح".into(),
        Msg::Stars { n, max } => format!("{n} من {max} نجوم"),
        Msg::NpsLow => "0 = غير مرجّح إطلاقًا".into(),
        Msg::NpsHigh => "10 = مرجّح جدًا".into(),
        Msg::CharactersLeft(n) if *n < 0 => format!("عدد الأحرف الزائدة: {}", n.unsigned_abs()),
        Msg::CharactersLeft(n) => format!("عدد الأحرف المتبقية: {n}"),
        Msg::MoveUp(item) => format!("نقل {item} إلى الأعلى"),
        Msg::MoveDown(item) => format!("نقل {item} إلى الأسفل"),
        Msg::Ranked { item, at, of } => format!("{item}، الآن {at} من {of}"),
        Msg::KeepOrder => "الإبقاء على هذا الترتيب".into(),
        Msg::CannotStart => "لا يمكن بدء هذا الاستبيان".into(),
        Msg::StoppedBy(n) => format!("عدد المشكلات في الاستبيان أو إعداداته: {n}."),
        Msg::ProblemsLink => "يمكن لكاتب الاستبيان قراءتها في صفحة المنظِّم".into(),
        Msg::Language => "اللغة".into(),
        Msg::DraftRestored => "تمت استعادة إجاباتك السابقة على هذا الجهاز.".into(),
        Msg::StartOver => "البدء من جديد".into(),
        Msg::DownloadResponse => "تنزيل هذه الإجابة".into(),
    }
}

/// The name of a language in that language, for the language switcher.
pub fn language_name(locale: &Locale) -> String {
    match locale.language().as_str() {
        "id" => "Bahasa Indonesia".into(),
        "en" => "English".into(),
        "ar" => "العربية".into(),
        "jv" => "Basa Jawa".into(),
        "su" => "Basa Sunda".into(),
        "ms" => "Bahasa Melayu".into(),
        "zh" => "中文".into(),
        _ => locale.to_string(),
    }
}
