fn main() {
    suara::mount_organiser()
}
