//! The organiser's page's words (counts, downloads, sending, the author's
//! notices), apart from the respondent's: only the organiser's binary
//! calls [`organiser_text`], so none of these are in the respondent's
//! download. Same languages and fallback as the widget's words.

use super::{plural, words_language};
use crate::text::Locale;

/// A message of the organiser's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrganiserMsg {
    LoadFailed,
    LoadFailedIntro,
    ExportHeading,
    /// "N responses stored on this device".
    /// How many records are stored, and how many of them could not be read
    /// back (kept, but missing from exports, so the operator must know).
    StoredCount {
        total: usize,
        unreadable: usize,
    },
    /// Pending, sent and needing attention.
    OutboxSummary {
        pending: usize,
        sent: usize,
        attention: usize,
    },
    ExportCsv,
    ExportJson,
    /// The codebook of the CSV's columns, as CSV.
    ExportCodebook,
    /// The option to start the CSV with a byte order mark.
    ExcelBom,
    NothingToExport,
    ExportFailed(String),
    /// The operator's button that sends every waiting response now.
    SendNow,
    /// Sending is paused because the endpoint refused the credentials.
    Paused(String),
    /// Whether the browser promised to keep this site's storage.
    Persistent(bool),
    /// The operator's alert when a response could not be stored.
    StorageFull,
    /// Why the endpoint refused the latest response that needs attention.
    Refused(String),
    /// The button that removes responses in the last download that are done with.
    ClearDone(usize),
    /// The question before removing them.
    ConfirmClear(usize),
    /// How many were removed.
    Cleared(usize),
    /// The field for the time zone of the CSV's times.
    TimeZone,
    /// A time zone name the browser does not know, and the zone likely meant.
    UnknownTimeZone {
        name: String,
        meant: Option<String>,
    },
    /// For the survey's author: texts with no translation into `language`
    /// show in `fallback` (both language names); `paths` lists them.
    /// Forget the kiosk's PIN (the recovery for a forgotten one).
    ForgetPin,
    /// The question before forgetting it.
    ConfirmForgetPin,
    /// Forgotten: the kiosk asks for a new one at its next start.
    PinForgotten,
    MissingTranslations {
        language: String,
        fallback: String,
        count: usize,
        paths: String,
    },
}

/// The message in `locale`'s language, or in English when the widget does
/// not speak it.
pub fn organiser_text(locale: &Locale, msg: &OrganiserMsg) -> String {
    match words_language(locale) {
        "id" => id(msg),
        "ar" => ar(msg),
        _ => en(msg),
    }
}

fn en(msg: &OrganiserMsg) -> String {
    match msg {
        OrganiserMsg::LoadFailed => "This survey could not be loaded".into(),
        OrganiserMsg::LoadFailedIntro => "The survey or its settings have these problems. Please tell the survey's author:".into(),
        OrganiserMsg::ExportHeading => "Responses on this device".into(),
        OrganiserMsg::StoredCount { total, unreadable: 0 } => {
            format!("{} stored on this device.", plural(*total, "response", "responses"))
        }
        OrganiserMsg::StoredCount { total, unreadable } => format!(
            "{} stored on this device; {unreadable} of them could not be read and are left out of exports. Do not clear this browser's data: tell the organiser.",
            plural(*total, "response", "responses")
        ),
        OrganiserMsg::OutboxSummary { pending, sent, attention } => {
            format!("Waiting to send: {pending}. Sent: {sent}. Needs attention: {attention}.")
        }
        OrganiserMsg::ExportCsv => "Download CSV".into(),
        OrganiserMsg::ExportJson => "Download JSON".into(),
        OrganiserMsg::ExportCodebook => "Download the codebook (CSV)".into(),
        OrganiserMsg::ExcelBom => "CSV for Excel (UTF-8 with BOM)".into(),
        OrganiserMsg::NothingToExport => "There are no responses to export yet.".into(),
        OrganiserMsg::ExportFailed(why) => format!("The export failed: {why}"),
        OrganiserMsg::SendNow => "Send now".into(),
        OrganiserMsg::Paused(why) => format!("Sending is paused ({why}). Check the endpoint's token or permissions, then press \"Send now\"."),
        OrganiserMsg::Persistent(true) => "This browser will keep these responses until they are cleared here.".into(),
        OrganiserMsg::Persistent(false) => "This browser may clear stored responses if the device runs short of space: export them regularly.".into(),
        OrganiserMsg::StorageFull => "The device's storage is full: new responses cannot be saved. Download the responses, then free some space.".into(),
        OrganiserMsg::Refused(why) => format!("The endpoint refused a response ({why}). Fix the endpoint, then press \"Send now\" to try again."),
        OrganiserMsg::ClearDone(n) => format!("Remove {} in this download from the device", plural(*n, "finished response", "finished responses")),
        OrganiserMsg::ConfirmClear(n) => format!("Remove {} from this device? They are sent or in the file you downloaded. Responses still waiting to be sent are kept.", plural(*n, "response", "responses")),
        OrganiserMsg::Cleared(n) => format!("{} removed from this device.", plural(*n, "response", "responses")),
        OrganiserMsg::TimeZone => "Times in the CSV in this time zone (empty: UTC), e.g. Asia/Jakarta".into(),
        OrganiserMsg::UnknownTimeZone { name, meant } => format!(
            "`{name}` is not a time zone name{}: give one such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura, or leave it empty for UTC.",
            meant.as_ref().map(|m| format!(" (did you mean {m}?)")).unwrap_or_default()
        ),
        OrganiserMsg::ForgetPin => "Forget this device's kiosk PIN".into(),
        OrganiserMsg::ConfirmForgetPin => "Forget the kiosk PIN? The kiosk will ask for a new one. No response is removed.".into(),
        OrganiserMsg::PinForgotten => "The kiosk PIN is forgotten: the kiosk asks for a new one when it starts.".into(),
        OrganiserMsg::MissingTranslations { language, fallback, count, paths } => format!(
            "For the survey's author: {} of this survey {} no {language} translation and {} in {fallback}: {paths}.",
            plural(*count, "text", "texts"),
            if *count == 1 { "has" } else { "have" },
            if *count == 1 { "shows" } else { "show" }
        ),
    }
}

fn id(msg: &OrganiserMsg) -> String {
    match msg {
        OrganiserMsg::LoadFailed => "Survei ini tidak dapat dimuat".into(),
        OrganiserMsg::LoadFailedIntro => "Survei atau pengaturannya memiliki masalah berikut. Mohon beri tahu penyusun survei:".into(),
        OrganiserMsg::ExportHeading => "Jawaban di perangkat ini".into(),
        OrganiserMsg::StoredCount { total, unreadable: 0 } => format!("{total} jawaban tersimpan di perangkat ini."),
        OrganiserMsg::StoredCount { total, unreadable } => format!(
            "{total} jawaban tersimpan di perangkat ini; {unreadable} di antaranya tidak dapat dibaca dan tidak ikut diekspor. Jangan hapus data peramban ini: beri tahu penyelenggara."
        ),
        OrganiserMsg::OutboxSummary { pending, sent, attention } => {
            format!("Menunggu dikirim: {pending}. Terkirim: {sent}. Perlu diperiksa: {attention}.")
        }
        OrganiserMsg::ExportCsv => "Unduh CSV".into(),
        OrganiserMsg::ExportJson => "Unduh JSON".into(),
        OrganiserMsg::ExportCodebook => "Unduh buku kode (CSV)".into(),
        OrganiserMsg::ExcelBom => "CSV untuk Excel (UTF-8 dengan BOM)".into(),
        OrganiserMsg::NothingToExport => "Belum ada jawaban untuk diekspor.".into(),
        OrganiserMsg::ExportFailed(why) => format!("Ekspor gagal: {why}"),
        OrganiserMsg::SendNow => "Kirim sekarang".into(),
        OrganiserMsg::Paused(why) => format!("Pengiriman dijeda ({why}). Periksa token atau izin endpoint, lalu tekan \"Kirim sekarang\"."),
        OrganiserMsg::Persistent(true) => "Peramban ini akan menyimpan jawaban sampai dihapus di sini.".into(),
        OrganiserMsg::Persistent(false) => "Peramban ini dapat menghapus jawaban tersimpan jika ruang perangkat hampir habis: ekspor secara berkala.".into(),
        OrganiserMsg::StorageFull => "Penyimpanan perangkat penuh: jawaban baru tidak dapat disimpan. Unduh jawaban, lalu kosongkan sebagian ruang.".into(),
        OrganiserMsg::Refused(why) => format!("Endpoint menolak sebuah jawaban ({why}). Perbaiki endpoint, lalu tekan \"Kirim sekarang\" untuk mencoba lagi."),
        OrganiserMsg::ClearDone(n) => format!("Hapus {n} jawaban selesai dalam unduhan ini dari perangkat"),
        OrganiserMsg::ConfirmClear(n) => format!("Hapus {n} jawaban dari perangkat ini? Jawaban tersebut sudah terkirim atau ada dalam berkas yang Anda unduh. Jawaban yang masih menunggu dikirim tetap disimpan."),
        OrganiserMsg::Cleared(n) => format!("{n} jawaban dihapus dari perangkat ini."),
        OrganiserMsg::TimeZone => "Waktu di CSV dalam zona waktu ini (kosong: UTC), mis. Asia/Jakarta".into(),
        OrganiserMsg::UnknownTimeZone { name, meant } => format!(
            "`{name}` bukan nama zona waktu{}: tulis nama seperti Asia/Jakarta, Asia/Makassar atau Asia/Jayapura, atau kosongkan untuk UTC.",
            meant.as_ref().map(|m| format!(" (mungkin maksud Anda {m}?)")).unwrap_or_default()
        ),
        OrganiserMsg::ForgetPin => "Lupakan PIN kios perangkat ini".into(),
        OrganiserMsg::ConfirmForgetPin => "Lupakan PIN kios? Kios akan meminta PIN baru. Tidak ada jawaban yang dihapus.".into(),
        OrganiserMsg::PinForgotten => "PIN kios sudah dilupakan: kios meminta PIN baru saat mulai.".into(),
        OrganiserMsg::MissingTranslations { language, fallback, count, paths } => format!(
            "Untuk penyusun survei: {count} teks survei ini belum diterjemahkan ke {language} dan ditampilkan dalam {fallback}: {paths}."
        ),
    }
}

fn ar(msg: &OrganiserMsg) -> String {
    match msg {
        OrganiserMsg::LoadFailed => "تعذّر تحميل هذا الاستبيان".into(),
        OrganiserMsg::LoadFailedIntro => "في الاستبيان أو إعداداته المشكلات التالية. يُرجى إبلاغ كاتب الاستبيان:".into(),
        OrganiserMsg::ExportHeading => "الإجابات على هذا الجهاز".into(),
        OrganiserMsg::StoredCount { total, unreadable: 0 } => format!("عدد الإجابات المحفوظة على هذا الجهاز: {total}."),
        OrganiserMsg::StoredCount { total, unreadable } => format!(
            "عدد الإجابات المحفوظة على هذا الجهاز: {total}؛ تعذّرت قراءة {unreadable} منها ولن تُدرج في التصدير. لا تمسح بيانات هذا المتصفح: أبلغ المنظِّم."
        ),
        OrganiserMsg::OutboxSummary { pending, sent, attention } => {
            format!("بانتظار الإرسال: {pending}. أُرسلت: {sent}. تحتاج إلى مراجعة: {attention}.")
        }
        OrganiserMsg::ExportCsv => "تنزيل CSV".into(),
        OrganiserMsg::ExportJson => "تنزيل JSON".into(),
        OrganiserMsg::ExportCodebook => "تنزيل دليل الرموز (CSV)".into(),
        OrganiserMsg::ExcelBom => "ملف CSV لبرنامج Excel (UTF-8 مع BOM)".into(),
        OrganiserMsg::NothingToExport => "لا توجد إجابات للتصدير بعد.".into(),
        OrganiserMsg::ExportFailed(why) => format!("فشل التصدير: {why}"),
        OrganiserMsg::SendNow => "إرسال الآن".into(),
        OrganiserMsg::Paused(why) => format!("الإرسال متوقف مؤقتًا ({why}). تحقّق من رمز الوصول أو الأذونات، ثم اضغط «إرسال الآن»."),
        OrganiserMsg::Persistent(true) => "سيحتفظ هذا المتصفح بهذه الإجابات حتى تُمسح من هنا.".into(),
        OrganiserMsg::Persistent(false) => "قد يمسح هذا المتصفح الإجابات المحفوظة إذا امتلأت مساحة الجهاز: صدّرها بانتظام.".into(),
        OrganiserMsg::StorageFull => "مساحة التخزين في الجهاز ممتلئة: لا يمكن حفظ إجابات جديدة. نزّل الإجابات ثم أفرغ بعض المساحة.".into(),
        OrganiserMsg::Refused(why) => format!("رفضت نقطة الاستقبال إحدى الإجابات ({why}). أصلِح نقطة الاستقبال ثم اضغط «إرسال الآن» للمحاولة مرة أخرى."),
        OrganiserMsg::ClearDone(n) => format!("حذف الإجابات المكتملة في هذا التنزيل من الجهاز ({n})"),
        OrganiserMsg::ConfirmClear(n) => format!("حذف {n} من الإجابات من هذا الجهاز؟ لقد أُرسلت أو هي في الملف الذي نزّلته. الإجابات التي ما زالت بانتظار الإرسال تبقى محفوظة."),
        OrganiserMsg::Cleared(n) => format!("عدد الإجابات المحذوفة من هذا الجهاز: {n}."),
        OrganiserMsg::TimeZone => "أوقات ملف CSV بهذه المنطقة الزمنية (فارغ: UTC)، مثل Asia/Jakarta".into(),
        OrganiserMsg::UnknownTimeZone { name, meant } => format!(
            "`{name}` ليس اسم منطقة زمنية{}: اكتب اسمًا مثل Asia/Jakarta أو Europe/London، أو اتركه فارغًا لاستخدام UTC.",
            meant.as_ref().map(|m| format!(" (هل تقصد {m}؟)")).unwrap_or_default()
        ),
        OrganiserMsg::ForgetPin => "نسيان الرقم السري لكشك هذا الجهاز".into(),
        OrganiserMsg::ConfirmForgetPin => "نسيان الرقم السري للكشك؟ سيطلب الكشك رقمًا جديدًا. لن تُحذف أي إجابة.".into(),
        OrganiserMsg::PinForgotten => "نُسي الرقم السري للكشك: سيطلب الكشك رقمًا جديدًا عند بدئه.".into(),
        OrganiserMsg::MissingTranslations { language, fallback, count, paths } => format!(
            "إلى كاتب الاستبيان: {count} من نصوص هذا الاستبيان بلا ترجمة إلى {language} وتظهر بـ{fallback}: {paths}."
        ),
    }
}
