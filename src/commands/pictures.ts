/**
 * The picture renderer, loaded on first use: resvg, the map shapes and d3 cost about 10 MB of
 * memory that a bot nobody asks for a picture need not carry.
 */
export function loadPictures() {
  return import('../render/pictures/index.js');
}
