// Placeholder: being written. Replaced by the real module.
export {};
