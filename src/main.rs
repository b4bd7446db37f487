fn main() {
    suara::mount()
}
