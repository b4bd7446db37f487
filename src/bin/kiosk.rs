fn main() {
    suara::mount_kiosk()
}
