// Talc instead of the default dlmalloc: a maintained, MIRI-tested wasm
// allocator that is several kilobytes smaller in the bundle.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    suara::mount()
}
