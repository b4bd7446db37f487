//! Kiosk mode's words (`kiosk.html`): the start screen, "Are you still
//! there?", the thank-you's countdown, and the organiser's PIN and panel.
//! Only the kiosk's binary calls [`kiosk_text`], so none of these are in
//! the respondent's ordinary download nor the organiser's (whose words for
//! forgetting the PIN are its own). Same languages and fallback as the widget's words.

use super::words_language;
use crate::text::Locale;

/// Something kiosk mode says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KioskMsg {
    /// The start screen's line above the language buttons, one per language.
    ChooseLanguage,
    /// The idle dialog's title.
    StillThere,
    /// The idle dialog's text: the survey starts again in `n` seconds.
    ResetIn(u32),
    /// The idle dialog's button: another full idle period.
    MoreTime,
    /// Below the thank-you: the next person's start screen in `n` seconds.
    NextIn(u32),
    /// Skips the thank-you's wait.
    Done,
    /// The organiser chooses the device's PIN before the first person.
    ChoosePin,
    ChoosePinIntro,
    PinLabel,
    PinAgain,
    /// The PIN must be 4 to 12 digits.
    PinRule,
    PinMismatch,
    SavePin,
    /// The PIN screen behind the organiser's gesture.
    EnterPin,
    Open,
    Cancel,
    WrongPin,
    /// Too many wrong PINs: the next try in `n` seconds.
    PinWait(u32),
    /// The organiser's panel.
    PanelHeading,
    /// Responses stored today on this device.
    Today(usize),
    ChangePin,
    LeaveKiosk,
    BackToKiosk,
}

/// The message in `locale`'s language, or in English when the widget does
/// not speak it.
pub fn kiosk_text(locale: &Locale, msg: &KioskMsg) -> String {
    match words_language(locale) {
        "id" => id(msg),
        "ar" => ar(msg),
        _ => en(msg),
    }
}

fn en(msg: &KioskMsg) -> String {
    use KioskMsg::*;
    match msg {
        ChooseLanguage => "Choose your language to start".into(),
        StillThere => "Are you still there?".into(),
        ResetIn(n) => format!("Your answers will be cleared for the next person in {n} seconds."),
        MoreTime => "I need more time".into(),
        NextIn(n) => format!("The next person can start in {n} seconds."),
        Done => "Done".into(),
        ChoosePin => "Choose the organiser's PIN".into(),
        ChoosePinIntro => "Before the first person: choose a PIN that opens the organiser's panel on this device (press the top corner for 3 seconds, or Ctrl+Alt+O).".into(),
        PinLabel => "PIN (4 to 12 digits)".into(),
        PinAgain => "The same PIN again".into(),
        PinRule => "The PIN must be 4 to 12 digits.".into(),
        PinMismatch => "The two PINs differ.".into(),
        SavePin => "Save the PIN and start".into(),
        EnterPin => "Organiser's PIN".into(),
        Open => "Open".into(),
        Cancel => "Cancel".into(),
        WrongPin => "Wrong PIN.".into(),
        PinWait(n) => format!("Too many wrong PINs: try again in {n} seconds."),
        PanelHeading => "Organiser's panel".into(),
        Today(n) => format!("{n} stored today"),
        ChangePin => "Change the PIN".into(),
        LeaveKiosk => "Leave kiosk mode".into(),
        BackToKiosk => "Back to the kiosk".into(),
    }
}

fn id(msg: &KioskMsg) -> String {
    use KioskMsg::*;
    match msg {
        ChooseLanguage => "Pilih bahasa Anda untuk mulai".into(),
        StillThere => "Apakah Anda masih di sini?".into(),
        ResetIn(n) => format!("Jawaban Anda akan dihapus untuk orang berikutnya dalam {n} detik."),
        MoreTime => "Saya perlu waktu lagi".into(),
        NextIn(n) => format!("Orang berikutnya dapat mulai dalam {n} detik."),
        Done => "Selesai".into(),
        ChoosePin => "Pilih PIN penyelenggara".into(),
        ChoosePinIntro => "Sebelum orang pertama: pilih PIN yang membuka panel penyelenggara di perangkat ini (tekan sudut atas selama 3 detik, atau Ctrl+Alt+O).".into(),
        PinLabel => "PIN (4 sampai 12 angka)".into(),
        PinAgain => "PIN yang sama sekali lagi".into(),
        PinRule => "PIN harus 4 sampai 12 angka.".into(),
        PinMismatch => "Kedua PIN berbeda.".into(),
        SavePin => "Simpan PIN dan mulai".into(),
        EnterPin => "PIN penyelenggara".into(),
        Open => "Buka".into(),
        Cancel => "Batal".into(),
        WrongPin => "PIN salah.".into(),
        PinWait(n) => format!("Terlalu banyak PIN salah: coba lagi dalam {n} detik."),
        PanelHeading => "Panel penyelenggara".into(),
        Today(n) => format!("{n} tersimpan hari ini"),
        ChangePin => "Ganti PIN".into(),
        LeaveKiosk => "Keluar dari mode kios".into(),
        BackToKiosk => "Kembali ke kios".into(),
    }
}

fn ar(msg: &KioskMsg) -> String {
    use KioskMsg::*;
    match msg {
        ChooseLanguage => "اختر لغتك للبدء".into(),
        StillThere => "هل ما زلت هنا؟".into(),
        ResetIn(n) => format!("ستُمحى إجاباتك للشخص التالي خلال {n} ثانية."),
        MoreTime => "أحتاج إلى مزيد من الوقت".into(),
        NextIn(n) => format!("يمكن للشخص التالي البدء خلال {n} ثانية."),
        Done => "تم".into(),
        ChoosePin => "اختر الرقم السري للمنظِّم".into(),
        ChoosePinIntro => "قبل الشخص الأول: اختر رقمًا سريًا يفتح لوحة المنظِّم على هذا الجهاز (اضغط على الزاوية العلوية 3 ثوانٍ، أو Ctrl+Alt+O).".into(),
        PinLabel => "الرقم السري (من 4 إلى 12 رقمًا)".into(),
        PinAgain => "الرقم السري نفسه مرة أخرى".into(),
        PinRule => "يجب أن يكون الرقم السري من 4 إلى 12 رقمًا.".into(),
        PinMismatch => "الرقمان السريان مختلفان.".into(),
        SavePin => "احفظ الرقم السري وابدأ".into(),
        EnterPin => "الرقم السري للمنظِّم".into(),
        Open => "فتح".into(),
        Cancel => "إلغاء".into(),
        WrongPin => "الرقم السري خاطئ.".into(),
        PinWait(n) => format!("أرقام سرية خاطئة كثيرة: حاول مرة أخرى خلال {n} ثانية."),
        PanelHeading => "لوحة المنظِّم".into(),
        Today(n) => format!("{n} محفوظة اليوم"),
        ChangePin => "تغيير الرقم السري".into(),
        LeaveKiosk => "الخروج من وضع الكشك".into(),
        BackToKiosk => "العودة إلى الكشك".into(),
    }
}
