// Any event: logs it. (The role templates are Python; pick a Python runtime to start from them.)
exports.handler = async (event) => {
  console.log(JSON.stringify(event));
  return { ok: true };
};
