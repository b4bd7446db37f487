pub fn mount(){}
