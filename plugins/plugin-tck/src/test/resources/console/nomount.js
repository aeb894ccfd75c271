export function render(el) {
  el.dataset.page = 'sample-model/nomount';
}
