fn main(){suara::mount()}
