// The 3D viewer of gr.Model3D: three.js (vendored in vendor/three, loaded only by this module, which
// model3d.js imports only when it has a model to show), orbit controls, one loader per file type.
import * as THREE from "./vendor/three/three.module.js";
import { OrbitControls } from "./vendor/three/addons/OrbitControls.js";
import { GLTFLoader } from "./vendor/three/addons/GLTFLoader.js";
import { OBJLoader } from "./vendor/three/addons/OBJLoader.js";
import { STLLoader } from "./vendor/three/addons/STLLoader.js";

const LOADERS = { glb: GLTFLoader, gltf: GLTFLoader, obj: OBJLoader, stl: STLLoader };

/** Can this file be shown? (.splat and .ply are not, yet: they get the download link only.) */
export const viewable = (name) => (name.split(".").pop() || "").toLowerCase() in LOADERS;

function sceneOf(loaded, displayMode) {
  const object = loaded.scene ?? (loaded.isBufferGeometry
    ? new THREE.Mesh(loaded, new THREE.MeshStandardMaterial({ color: 0x9ca3af, flatShading: true })) : loaded);
  object.traverse((child) => {
    if (!child.isMesh) return;
    if (!child.material || (child.material.isMeshPhongMaterial && child.material.color.getHex() === 0xffffff)) {
      child.material = new THREE.MeshStandardMaterial({ color: 0x9ca3af });
    }
    if (displayMode === "wireframe") child.material.wireframe = true;
  });
  return object;
}

/** Show the model at `url` (named `name`) in a canvas inside `host`; returns { destroy() }. */
export async function view(host, url, name, options = {}) {
  const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  const width = host.clientWidth || 400;
  const height = options.height || 300;
  renderer.setSize(width, height);
  const [r, g, b, a] = options.clear_color || [0, 0, 0, 0];
  renderer.setClearColor(new THREE.Color(r, g, b), a ?? 1);
  renderer.domElement.setAttribute("role", "img");
  renderer.domElement.setAttribute("aria-label", `3D model ${name}`);
  host.replaceChildren(renderer.domElement);
  const scene = new THREE.Scene();
  scene.add(new THREE.HemisphereLight(0xffffff, 0x444444, 2.5));
  const light = new THREE.DirectionalLight(0xffffff, 2);
  light.position.set(1, 2, 3);
  scene.add(light);
  const Loader = LOADERS[(name.split(".").pop() || "").toLowerCase()];
  const object = sceneOf(await new Loader().loadAsync(url), options.display_mode);
  scene.add(object);
  // Frame the model: centred, the camera at camera_position (alpha, beta in degrees, radius).
  const box = new THREE.Box3().setFromObject(object);
  const size = box.getSize(new THREE.Vector3()).length() || 1;
  object.position.sub(box.getCenter(new THREE.Vector3()));
  const [alpha, beta, radius] = options.camera_position || [];
  const camera = new THREE.PerspectiveCamera(45, width / height, size / 100, size * 100);
  const theta = THREE.MathUtils.degToRad(alpha ?? 45), phi = THREE.MathUtils.degToRad(beta ?? 60);
  const distance = radius ?? size * 1.5;
  camera.position.set(distance * Math.sin(phi) * Math.cos(theta), distance * Math.cos(phi),
    distance * Math.sin(phi) * Math.sin(theta));
  camera.lookAt(0, 0, 0);
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.zoomSpeed = options.zoom_speed ?? 1;
  controls.panSpeed = options.pan_speed ?? 1;
  let frame = 0;
  const draw = () => { controls.update(); renderer.render(scene, camera); frame = requestAnimationFrame(draw); };
  draw();
  return {
    canvas: renderer.domElement,
    destroy() { cancelAnimationFrame(frame); controls.dispose(); renderer.dispose(); },
  };
}
